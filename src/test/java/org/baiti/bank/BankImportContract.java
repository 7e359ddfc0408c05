package org.baiti.bank;

import java.util.ArrayList;
import java.util.List;

import org.baiti.testing.Api;
import org.baiti.testing.App;
import org.baiti.testing.Fixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The question bank import over HTTP (SPEC §2.1, API.md), run on SQLite and PostgreSQL. */
interface BankImportContract extends App {

    @Test
    default void importsAnXlsxBankWithTheRightCountAndKeys() {
        Api admin = api().admin();
        long id = Fixtures.contest(admin, 5);
        Api.Response r = admin.upload("/api/admin/contests/" + id + "/bank", "bank.xlsx", Fixtures.xlsx(Fixtures.bank()));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("imported").asInt()).isEqualTo(6);

        JsonNode bank = admin.get("/api/admin/contests/" + id + "/bank").json();
        assertThat(bank).hasSize(6);
        assertThat(bank.get(1).get("key").asString()).isEqualTo("Q2");
        assertThat(bank.get(1).get("answer").asString()).isEqualTo("ACD");
        assertThat(bank.get(1).get("points").asInt()).isEqualTo(2);
        assertThat(bank.get(2).get("type").asString()).isEqualTo("TRUEFALSE");
        assertThat(bank.get(2).get("answer").asString()).as("错 is the second option").isEqualTo("B");
        assertThat(bank.get(3).get("points").asInt()).as("default points").isEqualTo(1);
        assertThat(bank.get(4).get("answer").asString()).as("√ means true").isEqualTo("A");
    }

    @Test
    default void aBankWithThreeBrokenRowsListsExactlyThoseRowsAndImportsNothing() {
        Api admin = api().admin();
        long id = Fixtures.contest(admin, 5);
        List<List<String>> rows = new ArrayList<>(Fixtures.bank());
        rows.add(List.of("Q7", "填空", "未知题型", "a", "b", "", "", "A", "1", "", ""));
        rows.add(List.of("Q8", "单选", "答案没有选项", "a", "b", "c", "", "D", "1", "", ""));
        rows.add(List.of("Q9", "单选", "", "a", "b", "", "", "A", "1", "", ""));
        Api.Response r = admin.upload("/api/admin/contests/" + id + "/bank", "bad.xlsx", Fixtures.xlsx(rows));

        assertThat(r.status()).isEqualTo(400);
        JsonNode details = r.json().get("details");
        assertThat(details).hasSize(3);
        assertThat(details.get(0).get("row").asInt()).isEqualTo(8);
        assertThat(details.get(0).get("column").asString()).contains("题型");
        assertThat(details.get(1).get("row").asInt()).isEqualTo(9);
        assertThat(details.get(1).get("column").asString()).contains("答案");
        assertThat(details.get(2).get("row").asInt()).isEqualTo(10);
        assertThat(details.get(2).get("column").asString()).contains("题干");
        assertThat(r.json().get("error").asString()).isEqualTo("invalid_file");
        assertThat(r.json().get("message").asString()).isEqualTo("文件有 3 处错误，未导入任何数据");
        assertThat(details.get(0).get("reason").asString()).isEqualTo("未知题型：填空（应为单选、多选或判断）");
        assertThat(details.get(1).get("reason").asString()).isEqualTo("答案字母 D 没有对应的选项");
        assertThat(details.get(2).get("reason").asString()).isEqualTo("必填");
        assertThat(admin.get("/api/admin/contests/" + id + "/bank").json()).isEmpty();

        // the same file for someone reading English: the same rows and columns, the reasons in English
        Api.Response en = admin.accepting("en").upload("/api/admin/contests/" + id + "/bank", "bad.xlsx", Fixtures.xlsx(rows));
        assertThat(en.status()).isEqualTo(400);
        assertThat(en.json().get("error").asString()).isEqualTo("invalid_file");
        assertThat(en.json().get("message").asString()).isEqualTo("3 error(s) in the file; nothing was imported");
        JsonNode enDetails = en.json().get("details");
        assertThat(enDetails).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(enDetails.get(i).get("row")).isEqualTo(details.get(i).get("row"));
            assertThat(enDetails.get(i).get("column")).isEqualTo(details.get(i).get("column"));
        }
        assertThat(enDetails.get(0).get("reason").asString()).isEqualTo("unknown type: 填空 (single, multiple or truefalse)");
        assertThat(enDetails.get(1).get("reason").asString()).isEqualTo("answer letter D has no option");
        assertThat(enDetails.get(2).get("reason").asString()).isEqualTo("required");
    }

    /** Each node keeps a contest's bank in memory: a corrected answer key must be seen at once all the same. */
    @Test
    default void aCorrectedAnswerKeyIsSeenByTheNextRequest() {
        Api admin = api().admin();
        long id = Fixtures.contest(admin, 5);
        assertThat(admin.upload("/api/admin/contests/" + id + "/bank", "bank.csv", Fixtures.csv(Fixtures.bank())).status())
                .isEqualTo(200);
        assertThat(admin.get("/api/admin/contests/" + id + "/bank").json().get(1).get("answer").asString()).isEqualTo("ACD");

        List<List<String>> corrected = new ArrayList<>(Fixtures.bank());
        corrected.set(2, List.of("Q2", "多选", "燃烧三要素包括？", "可燃物", "风", "助燃物", "着火源", "A,C", "2", "火灾预防", ""));
        corrected.add(List.of("Q7", "判断", "进入林区不得携带火种。", "", "", "", "", "对", "1", "野外用火", ""));
        Api.Response r = admin.upload("/api/admin/contests/" + id + "/bank", "corrected.csv", Fixtures.csv(corrected));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("changed").asInt()).isEqualTo(1);

        JsonNode bank = admin.get("/api/admin/contests/" + id + "/bank").json();
        assertThat(bank).hasSize(7);
        assertThat(bank.get(1).get("answer").asString()).isEqualTo("AC");
        assertThat(bank.get(6).get("key").asString()).isEqualTo("Q7");
        // a file with a bad row changes nothing, in the database or in what the next request sees
        List<List<String>> bad = new ArrayList<>(corrected);
        bad.set(2, List.of("Q2", "多选", "燃烧三要素包括？", "可燃物", "风", "助燃物", "着火源", "A,B", "2", "火灾预防", ""));
        bad.add(List.of("Q8", "填空", "未知题型", "a", "b", "", "", "A", "1", "", ""));
        assertThat(admin.upload("/api/admin/contests/" + id + "/bank", "bad.csv", Fixtures.csv(bad)).status()).isEqualTo(400);
        assertThat(admin.get("/api/admin/contests/" + id + "/bank").json().get(1).get("answer").asString()).isEqualTo("AC");
    }

    /**
     * The bank's version is read at most once per baiti.contest-cache-millis: a change through this node is seen at
     * once (above), a rolled-back one never, and one made behind the node's back (another node on the same
     * PostgreSQL) once the time has passed.
     */
    @Test
    default void aBankChangedBehindTheNodesBackIsSeenWithinTheCheckTime() {
        Api admin = api().admin();
        long id = Fixtures.contest(admin, 5);
        assertThat(admin.upload("/api/admin/contests/" + id + "/bank", "bank.csv", Fixtures.csv(Fixtures.bank())).status())
                .isEqualTo(200);
        Questions questions = bean(Questions.class);
        assertThat(questions.byKeys(id, List.of("Q2")).get("Q2").answer()).isEqualTo("ACD");

        org.springframework.transaction.support.TransactionTemplate tx =
                bean(org.springframework.transaction.support.TransactionTemplate.class);
        Question q2 = questions.byKeys(id, List.of("Q2")).get("Q2");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            questions.upsert(List.of(), List.of(new Question(id, "Q2", q2.seq(), q2.type(), q2.stem(), q2.options(),
                    "AB", q2.points(), q2.category(), q2.explanation())));
            throw new IllegalStateException("roll back");
        })).hasMessage("roll back");
        assertThat(questions.byKeys(id, List.of("Q2")).get("Q2").answer()).as("rolled back").isEqualTo("ACD");

        // behind the node's back: the row and the version, as another node's import writes them
        org.springframework.jdbc.core.JdbcTemplate jdbc = bean(org.springframework.jdbc.core.JdbcTemplate.class);
        tx.executeWithoutResult(s -> {
            jdbc.update("UPDATE question_bank_version SET version = version + 1 WHERE contest_id = ?", id);
            jdbc.update("UPDATE question SET answer = 'AC' WHERE contest_id = ? AND qkey = 'Q2'", id);
        });
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        while (!questions.byKeys(id, List.of("Q2")).get("Q2").answer().equals("AC") && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(questions.byKeys(id, List.of("Q2")).get("Q2").answer()).isEqualTo("AC");
    }

    /**
     * A start or submit between a bank change and its commit reads the old answer key (and may keep it); once the
     * change has answered, this node uses the new one.
     */
    @Test
    default void aReadBetweenABankChangeAndItsCommitIsNotUsedAfterIt() {
        Api admin = api().admin();
        long id = Fixtures.contest(admin, 5);
        assertThat(admin.upload("/api/admin/contests/" + id + "/bank", "bank.csv", Fixtures.csv(Fixtures.bank())).status())
                .isEqualTo(200);
        Questions questions = bean(Questions.class);
        Question q2 = questions.byKeys(id, List.of("Q2")).get("Q2");
        assertThat(q2.answer()).isEqualTo("ACD");
        bean(org.springframework.transaction.support.TransactionTemplate.class).executeWithoutResult(s -> {
            questions.upsert(List.of(), List.of(new Question(id, "Q2", q2.seq(), q2.type(), q2.stem(), q2.options(),
                    "AB", q2.points(), q2.category(), q2.explanation())));
            String between = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> questions.byKeys(id, List.of("Q2")).get("Q2").answer()).join();
            assertThat(between).as("another request, before the commit").isEqualTo("ACD");
        });
        assertThat(questions.byKeys(id, List.of("Q2")).get("Q2").answer()).isEqualTo("AB");
    }

    @Test
    default void importingTheSameFileTwiceLeavesOneCopy() {
        Api admin = api().admin();
        long id = Fixtures.contest(admin, 5);
        byte[] file = Fixtures.csv(Fixtures.bank());
        Api.Response first = admin.upload("/api/admin/contests/" + id + "/bank", "bank.csv", file);
        Api.Response second = admin.upload("/api/admin/contests/" + id + "/bank", "bank.csv", file);

        assertThat(first.json().get("added").asInt()).isEqualTo(6);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("added").asInt()).isZero();
        assertThat(second.json().get("changed").asInt()).isZero();
        assertThat(admin.get("/api/admin/contests/" + id + "/bank").json()).hasSize(6);
    }

    @Test
    default void anonymousCallersCannotImport() {
        long id = Fixtures.contest(api().admin(), 5);
        Api.Response r = api().upload("/api/admin/contests/" + id + "/bank", "bank.csv", Fixtures.csv(Fixtures.bank()));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("error").asString()).isEqualTo("unauthorized");
    }
}
