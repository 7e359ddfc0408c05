package org.baiti.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The hash chain of the audit trail, in plain Java so anyone can check it: each entry's hash is the
 * SHA-256 of its canonical text, which ends with the previous entry's hash (docs/security.md gives the format).
 */
public final class AuditChain {

    /** The previous hash of the first entry: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** One entry as stored. {@code contestId} may be null; subject and detail are never null (empty instead). */
    public record Entry(long seq, long at, String actor, String action, Long contestId, String subject, String detail,
                        String prevHash, String hash) {
    }

    /**
     * Where the chain breaks first and why: {@code code} names the kind of break ({@code starts_late}, {@code gap},
     * {@code prev_hash}, {@code hash}; pages word it from the bundles), {@code reason} says it for logs and the CLI.
     */
    public record Break(long seq, String code, String reason) {
    }

    /**
     * The canonical text: seq, at, actor, action, contest id (empty when none), subject, detail and the previous
     * hash, each on its own line joined by {@code \n}; inside a field a backslash is written {@code \\} and a line
     * feed {@code \n}, so no field can run into the next.
     */
    public static String canonical(long seq, long at, String actor, String action, Long contestId, String subject,
                                   String detail, String prevHash) {
        return seq + "\n" + at + "\n" + escape(actor) + "\n" + escape(action) + "\n"
                + (contestId == null ? "" : contestId.toString()) + "\n" + escape(subject) + "\n" + escape(detail)
                + "\n" + escape(prevHash);
    }

    /** SHA-256, lowercase hex, of the canonical text in UTF-8. */
    public static String hash(long seq, long at, String actor, String action, Long contestId, String subject,
                              String detail, String prevHash) {
        return sha256(canonical(seq, at, actor, action, contestId, subject, detail, prevHash));
    }

    /** The entry that follows {@code previous} (null for the first one), with its hash. */
    public static Entry next(Entry previous, long at, String actor, String action, Long contestId, String subject,
                             String detail) {
        long seq = previous == null ? 1 : previous.seq() + 1;
        String prev = previous == null ? GENESIS : previous.hash();
        String s = subject == null ? "" : subject;
        String d = detail == null ? "" : detail;
        return new Entry(seq, at, actor, action, contestId, s, d, prev, hash(seq, at, actor, action, contestId, s, d, prev));
    }

    /** Checks entries one at a time, in seq order, and remembers the first break. */
    public static final class Verifier {

        private Entry last;
        private long count;
        private Break broken;

        /** Takes the next entry; returns false once the chain is broken (later entries change nothing). */
        public boolean accept(Entry e) {
            if (broken != null) {
                return false;
            }
            long expectedSeq = last == null ? 1 : last.seq() + 1;
            String expectedPrev = last == null ? GENESIS : last.hash();
            if (e.seq() != expectedSeq) {
                broken = last == null
                        ? new Break(e.seq(), "starts_late", "the chain starts at seq " + e.seq()
                                + " instead of 1 (earlier entries were removed)")
                        : new Break(e.seq(), "gap", "entries are missing after seq " + last.seq());
            } else if (!expectedPrev.equals(e.prevHash())) {
                broken = new Break(e.seq(), "prev_hash", "prev_hash does not match the hash of the previous entry"
                        + " (it was changed or replaced)");
            } else if (!hash(e.seq(), e.at(), e.actor(), e.action(), e.contestId(), e.subject(), e.detail(), e.prevHash())
                    .equals(e.hash())) {
                broken = new Break(e.seq(), "hash", "the entry does not match its hash (it was changed)");
            } else {
                last = e;
                count++;
                return true;
            }
            return false;
        }

        /** The first break, if any. */
        public Optional<Break> broken() {
            return Optional.ofNullable(broken);
        }

        /** How many entries checked out before the break (all of them when intact). */
        public long intactCount() {
            return count;
        }

        /** The hash of the last good entry (the head of the chain when intact), or {@link #GENESIS}. */
        public String headHash() {
            return last == null ? GENESIS : last.hash();
        }
    }

    private static String escape(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("\\", "\\\\").replace("\n", "\\n");
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
