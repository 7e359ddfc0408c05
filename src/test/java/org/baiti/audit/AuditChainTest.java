package org.baiti.audit;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The hash chain in plain Java: known answers, and each kind of tampering found at the right entry. */
class AuditChainTest {

    @Test
    void hashesTheCanonicalTextWithSha256KnownAnswers() {
        AuditChain.Entry first = AuditChain.next(null, 1_700_000_000_000L, "admin", "contest.freeze", 42L, "示范竞赛",
                "{\"frozenAt\":\"2023-11-14T22:13:20Z\"}");
        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.prevHash()).isEqualTo("0".repeat(64));
        // printf '1\n1700000000000\nadmin\ncontest.freeze\n42\n示范竞赛\n{"frozenAt":"2023-11-14T22:13:20Z"}\n000…0' | sha256sum
        assertThat(first.hash()).isEqualTo("981d001779dd72a1de798dfbf2a40e6cba987097b7f408c70ffc9882d4c7d645");

        AuditChain.Entry second = AuditChain.next(first, 1_700_000_000_001L, "system", "account.create", null,
                "line\nbreak\\", null);
        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(AuditChain.canonical(2, 1_700_000_000_001L, "system", "account.create", null, "line\nbreak\\", "",
                first.hash())).isEqualTo("2\n1700000000001\nsystem\naccount.create\n\nline\\nbreak\\\\\n\n" + first.hash());
        assertThat(second.hash()).isEqualTo("9bf398d60523e0c11af48b4008d79b59db38c2e2511fd7919b74022875a84ce3");
    }

    @Test
    void aLineFeedInsideAFieldCannotImitateTheNextField() {
        String a = AuditChain.hash(1, 0, "a\nb", "c", null, "", "", AuditChain.GENESIS);
        String b = AuditChain.hash(1, 0, "a", "b\nc", null, "", "", AuditChain.GENESIS);
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void anUntouchedChainIsIntactAndReportsItsHead() {
        List<AuditChain.Entry> chain = chain(5);
        AuditChain.Verifier v = verify(chain);
        assertThat(v.broken()).isEmpty();
        assertThat(v.intactCount()).isEqualTo(5);
        assertThat(v.headHash()).isEqualTo(chain.get(4).hash());
    }

    @Test
    void anEditedEntryBreaksTheChainAtThatEntry() {
        List<AuditChain.Entry> chain = chain(5);
        AuditChain.Entry e = chain.get(2);
        chain.set(2, new AuditChain.Entry(e.seq(), e.at(), e.actor(), e.action(), e.contestId(), e.subject(),
                "{\"score\":100}", e.prevHash(), e.hash()));
        AuditChain.Verifier v = verify(chain);
        assertThat(v.broken()).get().extracting(AuditChain.Break::seq).isEqualTo(3L);
        assertThat(v.broken().get().reason()).contains("changed");
        assertThat(v.intactCount()).isEqualTo(2);
    }

    @Test
    void anEditedEntryWithARecomputedHashBreaksTheChainAtTheNextEntry() {
        List<AuditChain.Entry> chain = chain(5);
        AuditChain.Entry e = chain.get(2);
        String forged = AuditChain.hash(e.seq(), e.at(), "mallory", e.action(), e.contestId(), e.subject(), e.detail(),
                e.prevHash());
        chain.set(2, new AuditChain.Entry(e.seq(), e.at(), "mallory", e.action(), e.contestId(), e.subject(), e.detail(),
                e.prevHash(), forged));
        AuditChain.Verifier v = verify(chain);
        assertThat(v.broken()).get().extracting(AuditChain.Break::seq).isEqualTo(4L);
        assertThat(v.broken().get().reason()).contains("prev_hash");
    }

    @Test
    void aRemovedEntryBreaksTheChainWhereTheGapIs() {
        List<AuditChain.Entry> chain = chain(5);
        chain.remove(1);
        AuditChain.Verifier v = verify(chain);
        assertThat(v.broken()).get().extracting(AuditChain.Break::seq).isEqualTo(3L);
        assertThat(v.broken().get().reason()).contains("missing after seq 1");
    }

    @Test
    void removingTheFirstEntriesIsFound() {
        List<AuditChain.Entry> chain = chain(3);
        chain.remove(0);
        AuditChain.Verifier v = verify(chain);
        assertThat(v.broken()).get().extracting(AuditChain.Break::seq).isEqualTo(2L);
        assertThat(v.broken().get().reason()).contains("starts at seq 2");
    }

    private static List<AuditChain.Entry> chain(int n) {
        List<AuditChain.Entry> out = new ArrayList<>();
        AuditChain.Entry last = null;
        for (int i = 0; i < n; i++) {
            last = AuditChain.next(last, 1000L + i, "admin", "unit.attention", 7L, "U" + i, "{\"to\":" + i + "}");
            out.add(last);
        }
        return out;
    }

    private static AuditChain.Verifier verify(List<AuditChain.Entry> chain) {
        AuditChain.Verifier v = new AuditChain.Verifier();
        for (AuditChain.Entry e : chain) {
            v.accept(e);
        }
        return v;
    }
}
