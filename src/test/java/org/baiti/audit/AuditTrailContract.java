package org.baiti.audit;

import java.util.List;
import java.util.Map;

import org.baiti.testing.Slice;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stored audit trail (AuditLog over its table): entries chained in seq order, listed newest first, and a chain that
 * names the first row edited behind its back. A JDBC slice on both databases; {@link AuditContract} keeps the journey
 * through the admin API, the page and the command line.
 */
interface AuditTrailContract extends Slice {

    private AuditLog audit() {
        return bean(AuditLog.class);
    }

    @Test
    default void entriesAreChainedAndListedNewestFirstPerContest() {
        long contest = System.nanoTime();
        AuditChain.Entry first = audit().record("admin", "contest.create", contest, "A", Map.of("name", "A"));
        AuditChain.Entry other = audit().record("org", "contest.create", contest + 1, "B", Map.of("name", "B"));
        AuditChain.Entry last = audit().record("judge", "unit.attention", contest, "U1", Map.of("to", 80));
        assertThat(other.seq()).isEqualTo(first.seq() + 1);
        assertThat(last.prevHash()).isEqualTo(other.hash());

        List<AuditChain.Entry> page = audit().page(contest, null, 0, 10);
        assertThat(page).extracting(AuditChain.Entry::action).containsExactly("unit.attention", "contest.create");
        assertThat(page).extracting(AuditChain.Entry::actor).containsExactly("judge", "admin");
        assertThat(page.get(0).detail()).contains("\"to\":80");
        assertThat(audit().count(contest, "contest.create")).isEqualTo(1);
        assertThat(audit().count(null, "contest.create")).isGreaterThanOrEqualTo(2);

        AuditLog.Verification v = audit().verify();
        assertThat(v.intact()).as(v.toString()).isTrue();
        assertThat(v.entries()).isEqualTo(last.seq());
        assertThat(v.headHash()).isEqualTo(last.hash());
    }

    @Test
    default void editingOneAuditRowInTheDatabaseBreaksTheChainAtThatRow() {
        long contest = System.nanoTime();
        audit().record("admin", "units.import", contest, "units.csv", Map.of("added", 5));
        AuditChain.Entry edited = audit().record("admin", "unit.attention", contest, "U2", Map.of("to", 40));
        audit().record("admin", "contest.create", contest + 1, "later", Map.of()); // the edited one is in the middle
        assertThat(audit().verify().intact()).isTrue();

        jdbc().sql("UPDATE audit_entry SET detail = ? WHERE seq = ?").params(edited.detail().replace("40", "95"), edited.seq())
                .update();
        try {
            AuditLog.Verification v = audit().verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.brokenAt()).isEqualTo(edited.seq());
            assertThat(v.reason()).contains("changed");
            assertThat(v.entries()).as("entries before the break").isEqualTo(edited.seq() - 1);
        } finally {
            jdbc().sql("UPDATE audit_entry SET detail = ? WHERE seq = ?").params(edited.detail(), edited.seq()).update();
        }
        assertThat(audit().verify().intact()).isTrue();
    }
}
