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
     * Where the chain breaks first and why; {@code after} is the seq of the last good entry (0 when there is none).
     * Pages word it from the bundles ({@link #key()} with {@link #args()}); {@link #reason()} is the English for logs
     * and the command line.
     */
    public record Break(long seq, Why why, long after) {

        /** The bundle key of the reason ({@code messages*.properties}). */
        public String key() {
            return "notice.audit.break." + why.name();
        }

        /** The arguments of {@link #key()}: the seqs, as plain numbers. */
        public Object[] args() {
            return new Object[] {String.valueOf(seq), String.valueOf(after)};
        }

        /** The reason in English. */
        public String reason() {
            return switch (why) {
                case STARTS_LATE -> "the chain starts at seq " + seq + " instead of 1 (earlier entries were removed)";
                case MISSING -> "entries are missing after seq " + after;
                case PREVIOUS_HASH -> "prev_hash does not match the hash of the previous entry (it was changed or replaced)";
                case HASH -> "the entry does not match its hash (it was changed)";
            };
        }
    }

    /** What breaks the chain. */
    public enum Why { STARTS_LATE, MISSING, PREVIOUS_HASH, HASH }

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
            long after = last == null ? 0 : last.seq();
            if (e.seq() != expectedSeq) {
                broken = new Break(e.seq(), last == null ? Why.STARTS_LATE : Why.MISSING, after);
            } else if (!expectedPrev.equals(e.prevHash())) {
                broken = new Break(e.seq(), Why.PREVIOUS_HASH, after);
            } else if (!hash(e.seq(), e.at(), e.actor(), e.action(), e.contestId(), e.subject(), e.detail(), e.prevHash())
                    .equals(e.hash())) {
                broken = new Break(e.seq(), Why.HASH, after);
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
