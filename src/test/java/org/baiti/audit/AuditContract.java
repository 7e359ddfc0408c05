package org.baiti.audit;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.baiti.cli.BaitiCommand;
import org.baiti.testing.Api;
import org.baiti.testing.App;
import org.baiti.testing.Fixtures;
import org.baiti.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit trail over HTTP, the database and the command line, on SQLite and PostgreSQL. */
interface AuditContract extends App {

    default JdbcClient jdbc() {
        return bean(JdbcClient.class);
    }

    @Test
    default void everyChangeOfTheAdminApiIsRecordedWithItsActorAndTheChainHolds() {
        Api admin = api().admin();
        long id = Fixtures.contest(admin, 5);
        assertThat(admin.upload("/api/admin/contests/" + id + "/units", "units.csv", Fixtures.csv(Fixtures.units())).status()).isEqualTo(200);
        assertThat(admin.upload("/api/admin/contests/" + id + "/bank", "bank.csv", Fixtures.csv(Fixtures.bank())).status()).isEqualTo(200);
        assertThat(admin.putJson("/api/admin/contests/" + id + "/units/U1/attention", Map.of("score", 80)).status()).isEqualTo(200);
        assertThat(admin.postJson("/api/admin/contests/" + id + "/freeze", "").status()).isEqualTo(200);

        JsonNode page = admin.get("/api/admin/audit?contest=" + id).json();
        List<String> actions = new ArrayList<>();
        page.get("entries").forEach(e -> actions.add(e.get("action").asString()));
        assertThat(actions).as("newest first").containsExactly("contest.freeze", "unit.attention", "bank.import",
                "units.import", "contest.create");
        page.get("entries").forEach(e -> assertThat(e.get("actor").asString()).isEqualTo("admin"));
        JsonNode attention = page.get("entries").get(1);
        assertThat(attention.get("subject").asString()).isEqualTo("U1");
        assertThat(attention.get("detail").asString()).contains("\"to\":80");
        JsonNode units = page.get("entries").get(3);
        assertThat(units.get("subject").asString()).isEqualTo("units.csv");
        assertThat(units.get("detail").asString()).contains("\"added\":5");

        JsonNode verify = admin.get("/api/admin/audit/verify").json();
        assertThat(verify.get("intact").asBoolean()).as(verify.toString()).isTrue();
        assertThat(verify.get("entries").asLong()).isGreaterThanOrEqualTo(5);
    }

    @Test
    default void aRefusedChangeLeavesNoEntry() {
        Api admin = api().admin();
        long id = Fixtures.contest(admin, 5);
        admin.postJson("/api/admin/contests/" + id + "/freeze", "");
        long before = admin.get("/api/admin/audit?contest=" + id).json().get("total").asLong();
        assertThat(admin.upload("/api/admin/contests/" + id + "/units", "units.csv", Fixtures.csv(Fixtures.units())).status())
                .as("frozen").isEqualTo(409);
        assertThat(admin.get("/api/admin/audit?contest=" + id).json().get("total").asLong()).isEqualTo(before);
    }

    @Test
    default void editingOneAuditRowInTheDatabaseBreaksTheChainAtThatRow() {
        Api admin = api().admin();
        long id = Fixtures.contest(admin, 5);
        admin.upload("/api/admin/contests/" + id + "/units", "units.csv", Fixtures.csv(Fixtures.units()));
        admin.putJson("/api/admin/contests/" + id + "/units/U2/attention", Map.of("score", 40));
        Fixtures.contest(admin, 5); // a later entry, so the edited one is in the middle of the chain
        long seq = jdbc().sql("SELECT seq FROM audit_entry WHERE contest_id = ? AND action = 'unit.attention'")
                .param(id).query(Long.class).single();
        String detail = jdbc().sql("SELECT detail FROM audit_entry WHERE seq = ?").param(seq).query(String.class).single();
        assertThat(admin.get("/api/admin/audit/verify").json().get("intact").asBoolean()).isTrue();

        jdbc().sql("UPDATE audit_entry SET detail = ? WHERE seq = ?").params(detail.replace("40", "95"), seq).update();
        try {
            JsonNode verify = admin.get("/api/admin/audit/verify").json();
            assertThat(verify.get("intact").asBoolean()).isFalse();
            assertThat(verify.get("brokenAt").asLong()).isEqualTo(seq);
            assertThat(verify.get("reason").asString()).contains("changed");
            assertThat(verify.get("entries").asLong()).as("entries before the break").isEqualTo(seq - 1);

            WebSession page = new WebSession(api());
            page.login("admin", ADMIN_PASSWORD);
            String html = page.get("/admin/audit").body();
            assertThat(html).contains("哈希链在第 " + seq + " 条断开").contains("这一条的内容与它的哈希不符")
                    .doesNotContain("Chain broken");
            String english = page.get("/admin/audit", Map.of("Accept-Language", "en")).body();
            assertThat(english).contains("Chain broken at entry " + seq).contains("This entry does not match its hash");

            Run run = cli("audit", "verify", "--spring.datasource.url=" + jdbcUrl());
            assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
            assertThat(run.out()).startsWith("broken at seq " + seq + ": ");
        } finally {
            jdbc().sql("UPDATE audit_entry SET detail = ? WHERE seq = ?").params(detail, seq).update();
        }
        assertThat(admin.get("/api/admin/audit/verify").json().get("intact").asBoolean()).isTrue();
        Run run = cli("audit", "verify", "--spring.datasource.url=" + jdbcUrl());
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).matches("(?s)audit chain intact \\(\\d+ entries\\)\n.*");
    }

    @Test
    default void theAuditTrailIsForAdministratorsAndAuditorsOnly() {
        Api admin = api().admin();
        String organizer = "org" + System.nanoTime();
        assertThat(admin.postJson("/api/admin/accounts", Map.of("username", organizer, "role", "ORGANIZER",
                "password", "organizer-pass-1")).status()).isEqualTo(201);
        assertThat(api().as(organizer, "organizer-pass-1").get("/api/admin/audit").status()).isEqualTo(403);
        assertThat(api().as(organizer, "organizer-pass-1").get("/api/admin/audit/verify").status()).isEqualTo(403);
        assertThat(api().get("/api/admin/audit").status()).isEqualTo(401);
        JsonNode accounts = admin.get("/api/admin/audit?action=account.create").json().get("entries");
        assertThat(accounts.toString()).contains(organizer).doesNotContain("organizer-pass-1");
    }

    /** What a command printed and returned. */
    record Run(int exit, String out, String err) {
    }

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new BaitiCommand());
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int exit = cmd.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }
}
