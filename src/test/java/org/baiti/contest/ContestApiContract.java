package org.baiti.contest;

import java.util.Map;

import org.baiti.testing.Api;
import org.baiti.testing.App;
import org.baiti.testing.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Creating contests, freezing, and the errors of bad bodies, on SQLite and PostgreSQL. */
interface ContestApiContract extends App {

    @Test
    default void createsAContestWithTheApiFieldsAndDefaults() {
        Api admin = api().admin();
        Api.Response r = admin.postJson("/api/admin/contests", Map.of("name", "百题竞赛", "questionsPerPaper", 100,
                "timeLimitSeconds", 1800, "opensAt", "2026-12-01T00:00:00Z", "closesAt", "2026-12-08T00:00:00Z",
                "onlineQuota", 100, "drawQuota", 140, "orgQuota", 10));
        assertThat(r.status()).isEqualTo(201);
        long id = r.json().get("id").asLong();
        var stored = admin.get("/api/admin/contests/" + id).json();
        assertThat(stored.get("name").asString()).isEqualTo("百题竞赛");
        assertThat(stored.get("drawQuota").asInt()).isEqualTo(140);
        assertThat(stored.get("opensAt").asString()).isEqualTo("2026-12-01T00:00:00Z");
        assertThat(stored.get("attemptsAllowed").asInt()).isEqualTo(1);
        assertThat(stored.get("weightAttention").asDouble()).isEqualTo(0.2);
    }

    @Test
    default void badContestBodiesGetFieldErrorsNotServerErrors() {
        Api admin = api().admin();
        Api.Response missing = admin.postJson("/api/admin/contests", Map.of("name", "x"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("questionsPerPaper").contains("opensAt");
        Api.Response backwards = admin.postJson("/api/admin/contests", Map.of("name", "x", "questionsPerPaper", 10,
                "timeLimitSeconds", 600, "opensAt", "2026-12-08T00:00:00Z", "closesAt", "2026-12-01T00:00:00Z",
                "onlineQuota", 1, "drawQuota", 1, "orgQuota", 1));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body()).contains("closesAt");
        assertThat(admin.postJson("/api/admin/contests", "{not json").status()).isEqualTo(400);
        assertThat(admin.postJson("/api/admin/contests", "{\"questionsPerPaper\": \"many\"}").json().get("error").asString())
                .isEqualTo("malformed_body");
        assertThat(admin.get("/api/admin/contests/123").status()).isEqualTo(404);
    }

    /**
     * The API changes what the contest's state allows, as the settings page does: once open, the name and a later
     * closing time; the paper, the window's start, the quotas and the weights are refused with each field named, and
     * nothing changes. The per-address limits (operation, not rules) still change.
     */
    @Test
    default void anOpenContestChangesOnlyWhatItsStateAllowsThroughTheApiToo() {
        Api admin = api().admin();
        long id = Fixtures.contest(admin, 5);
        var before = admin.get("/api/admin/contests/" + id).json();
        java.util.function.Function<Map<String, Object>, Map<String, Object>> with = changes -> {
            Map<String, Object> body = new java.util.HashMap<>(Map.of("name", before.get("name").asString(),
                    "questionsPerPaper", 5, "timeLimitSeconds", 600, "opensAt", before.get("opensAt").asString(),
                    "closesAt", before.get("closesAt").asString(), "onlineQuota", 3, "drawQuota", 3, "orgQuota", 2));
            body.putAll(changes);
            return body;
        };
        Api.Response paper = admin.putJson("/api/admin/contests/" + id, with.apply(Map.of("questionsPerPaper", 4,
                "drawQuota", 100, "name", "新名字")));
        assertThat(paper.status()).as(paper.body()).isEqualTo(409);
        assertThat(paper.json().get("error").asString()).isEqualTo("locked");
        assertThat(paper.body()).contains("questionsPerPaper").contains("drawQuota");
        Api.Response early = admin.putJson("/api/admin/contests/" + id, with.apply(Map.of("closesAt",
                java.time.Instant.now().minusSeconds(60).toString())));
        assertThat(early.status()).as(early.body()).isEqualTo(409);
        assertThat(early.body()).contains("closesAt");
        assertThat(admin.get("/api/admin/contests/" + id).json()).as("nothing changed").isEqualTo(before);

        Api.Response allowed = admin.putJson("/api/admin/contests/" + id, with.apply(Map.of("name", "新名字",
                "addressStartsPerMinute", 0)));
        assertThat(allowed.status()).as(allowed.body()).isEqualTo(200);
        var after = admin.get("/api/admin/contests/" + id).json();
        assertThat(after.get("name").asString()).isEqualTo("新名字");
        assertThat(after.get("addressStartsPerMinute").asInt()).isZero();
    }

    @Test
    default void afterFreezeNoImportChangesTheContest() {
        Api admin = api().admin();
        long id = Fixtures.contest(admin, 5);
        assertThat(admin.postJson("/api/admin/contests/" + id + "/freeze", "").status()).isEqualTo(200);
        Api.Response r = admin.upload("/api/admin/contests/" + id + "/bank", "bank.csv", Fixtures.csv(Fixtures.bank()));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("error").asString()).isEqualTo("frozen");
        assertThat(admin.get("/api/admin/contests/" + id + "/bank").json()).isEmpty();
    }

    /**
     * A freeze made through another node (here: behind this node's back, in the database) holds at once, although this
     * node still has the unfrozen contest in memory: the submission, the ranking entry and an import check the freeze
     * in their own transaction.
     */
    @Test
    default void aFreezeThroughAnotherNodeHoldsAtOnce() {
        Api admin = api().admin();
        long id = Fixtures.contest(admin, 5);
        assertThat(admin.upload("/api/admin/contests/" + id + "/units", "u.csv", Fixtures.csv(Fixtures.units())).status()).isEqualTo(200);
        assertThat(admin.upload("/api/admin/contests/" + id + "/bank", "b.csv", Fixtures.csv(Fixtures.bank())).status()).isEqualTo(200);
        tools.jackson.databind.JsonNode paper = api().postJson("/api/contests/" + id + "/attempts",
                Map.of("name", "另一节点", "phone", "13711112222", "unit", "U1")).json();
        Contesting contesting = bean(Contesting.class);
        assertThat(contesting.get(id).frozen()).isFalse();
        bean(org.springframework.jdbc.core.JdbcTemplate.class).update("UPDATE contest SET frozen_at = ? WHERE id = ?",
                System.currentTimeMillis(), id);
        boolean staleInMemory = !contesting.get(id).frozen();
        Map<String, java.util.List<String>> answers = new java.util.HashMap<>();
        paper.get("questions").forEach(q -> answers.put(q.get("id").asString(),
                java.util.List.of(q.get("options").get(0).get("id").asString())));
        Api.Response submit = api().postJson("/api/attempts/" + paper.get("attemptId").asString() + "/submit",
                Map.of("answers", answers), paper.get("token").asString());
        assertThat(submit.status()).as("stale copy in memory: %s; %s", staleInMemory, submit.body()).isEqualTo(409);
        assertThat(submit.json().get("error").asString()).isEqualTo("window_closed");
        assertThat(api().get("/api/contests/" + id + "/ranking?limit=10").json()).isEmpty();
        assertThat(bean(org.springframework.jdbc.core.JdbcTemplate.class).queryForObject(
                "SELECT COUNT(*) FROM attempt WHERE contest_id = ? AND submitted_at IS NOT NULL", Long.class, id))
                .isZero();
        Api.Response units = admin.upload("/api/admin/contests/" + id + "/units", "u.csv", Fixtures.csv(Fixtures.units()));
        assertThat(units.status()).as(units.body()).isEqualTo(409);
        assertThat(units.json().get("error").asString()).isEqualTo("frozen");
    }

    /**
     * Contests are read from memory for a second (Contesting.get): a change or a freeze through the API is seen at
     * once, a change rolled back is never seen, and a change made behind the node's back is seen once the copy is
     * older than baiti.contest-cache-millis.
     */
    @Test
    default void theContestInMemoryFollowsChangesFreezesAndRollbacks() {
        Api admin = api().admin();
        long id = Fixtures.contest(admin, 5);
        Contesting contesting = bean(Contesting.class);
        Contest first = contesting.get(id);
        boolean fromMemory = false;
        for (int i = 0; i < 5 && !fromMemory; i++) { // twice within the second the copy is kept (a slow machine: retry)
            fromMemory = contesting.get(id) == contesting.get(id);
        }
        assertThat(fromMemory).as("read again from memory").isTrue();

        Map<String, Object> settings = new java.util.HashMap<>(Map.of("name", "改名后的竞赛", "questionsPerPaper", 5,
                "timeLimitSeconds", 600, "opensAt", first.opensAt().toString(),
                "closesAt", first.closesAt().plusSeconds(3600).toString(), "onlineQuota", 3, "drawQuota", 3, "orgQuota", 2));
        assertThat(admin.putJson("/api/admin/contests/" + id, settings).status()).isEqualTo(200);
        assertThat(contesting.get(id).name()).isEqualTo("改名后的竞赛");
        assertThat(contesting.get(id).closesAt()).isEqualTo(first.closesAt().plusSeconds(3600));

        org.springframework.transaction.support.TransactionTemplate tx =
                bean(org.springframework.transaction.support.TransactionTemplate.class);
        ContestSettings rolledBack = new ContestSettings("不会生效", 5, 600, first.opensAt(), first.closesAt(), 3, 3, 2,
                null, null, null, null, null, null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            contesting.update(id, rolledBack);
            assertThat(contesting.get(id).name()).as("inside the transaction").isEqualTo("不会生效");
            throw new IllegalStateException("roll back");
        })).hasMessage("roll back");
        assertThat(contesting.get(id).name()).isEqualTo("改名后的竞赛");

        assertThat(admin.postJson("/api/admin/contests/" + id + "/freeze", Map.of()).status()).isEqualTo(200);
        assertThat(contesting.get(id).frozen()).isTrue();

        // behind the node's back (another node on the same PostgreSQL): seen after the time the copy is kept
        bean(org.springframework.jdbc.core.JdbcTemplate.class).update("UPDATE contest SET name = ? WHERE id = ?",
                "别的节点改的", id);
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        while (!contesting.get(id).name().equals("别的节点改的") && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(contesting.get(id).name()).isEqualTo("别的节点改的");
    }

    /**
     * A read through another request between a change and its commit reads the old row (and may keep it); once the
     * change has answered, this node answers the new one (org.baiti.NodeCache makes the copy old again at the end).
     */
    @Test
    default void aReadBetweenAChangeAndItsCommitIsNotUsedAfterIt() {
        Api admin = api().admin();
        long id = Fixtures.contest(admin, 5);
        Contesting contesting = bean(Contesting.class);
        Contest first = contesting.get(id);
        ContestSettings renamed = new ContestSettings("提交前有人读过", 5, 600, first.opensAt(), first.closesAt(), 3, 3, 2,
                null, null, null, null, null, null);
        bean(org.springframework.transaction.support.TransactionTemplate.class).executeWithoutResult(s -> {
            contesting.update(id, renamed);
            String between = java.util.concurrent.CompletableFuture.supplyAsync(() -> contesting.get(id).name()).join();
            assertThat(between).as("another request, before the commit").isEqualTo(first.name());
        });
        assertThat(contesting.get(id).name()).isEqualTo("提交前有人读过");
    }
}
