package org.baiti.online;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.baiti.online.OnlineFixtures.Known;
import org.baiti.testing.Api;
import org.baiti.testing.SqliteApp;
import org.baiti.testing.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Time rules of the online channel (SPEC §4) with a clock the test moves: the duration is the server's, a
 * submission after the limit is stored but marked late and not ranked, one after the close is refused, and the
 * key shows only once nothing can be submitted any more.
 */
@Import(TestClock.Config.class)
@DirtiesContext // the clock stopped and moved by minutes: no other test class runs on this application
class OnlineTimingTest extends SqliteApp {

    /** Stopped, and moved by the tests. */
    @Autowired
    TestClock clock;

    private final Map<String, Known> bank = OnlineFixtures.bank(6);

    @BeforeEach
    void stop() {
        clock.stop();
    }

    private static Map<String, Object> body(Map<String, List<String>> answers) {
        return Map.of("answers", answers);
    }

    private Map<String, List<String>> allRight(JsonNode paper) {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        for (JsonNode q : paper.get("questions")) {
            Known k = bank.get(q.get("id").asString());
            answers.put(k.id(), OnlineFixtures.answer(q, k, true, new Random(1)));
        }
        return answers;
    }

    private JsonNode start(long contest, String name, String phone) {
        Api.Response r = api().postJson("/api/contests/" + contest + "/attempts", OnlineFixtures.person(name, phone, "U1"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private Api.Response submit(JsonNode paper, Map<String, List<String>> answers) {
        return api().postJson("/api/attempts/" + paper.get("attemptId").asString() + "/submit", body(answers),
                paper.get("token").asString());
    }

    @Test
    void theDurationIsExactlyTheServersTimeFromIssueToReceipt() {
        long id = OnlineFixtures.contest(api().admin(), bank, Map.of("questionsPerPaper", 6, "timeLimitSeconds", 600));
        Instant issued = clock.instant();
        JsonNode paper = start(id, "计时", "13900000201");
        assertThat(Instant.parse(paper.get("expiresAt").asString())).isEqualTo(issued.plusSeconds(600).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        clock.advance(Duration.ofMillis(123_456));
        JsonNode r = submit(paper, allRight(paper)).json();
        assertThat(r.get("durationMs").asLong()).isEqualTo(123_456);
        assertThat(r.get("late").asBoolean()).isFalse();
        assertThat(r.get("rank").asInt()).isEqualTo(1);
    }

    @Test
    void withinTheGraceASubmissionIsInTimeAfterItItIsMarkedLateAndNotRanked() {
        long id = OnlineFixtures.contest(api().admin(), bank, Map.of("questionsPerPaper", 6, "timeLimitSeconds", 600));
        JsonNode inGrace = start(id, "踩点", "13900000211");
        JsonNode late = start(id, "超时", "13900000212");
        clock.advance(Duration.ofSeconds(600 + 14));
        Api.Response a = submit(inGrace, allRight(inGrace));
        clock.advance(Duration.ofSeconds(2));
        Api.Response b = submit(late, allRight(late));

        assertThat(a.json().get("late").asBoolean()).isFalse();
        assertThat(a.json().get("durationMs").asLong()).isEqualTo(614_000);
        assertThat(b.status()).as(b.body()).isEqualTo(200);
        assertThat(b.json().get("late").asBoolean()).isTrue();
        assertThat(b.json().get("score").asInt()).isEqualTo(b.json().get("maxScore").asInt());
        assertThat(b.json().get("durationMs").asLong()).isEqualTo(616_000);
        assertThat(b.json().has("rank")).isFalse();
        assertThat(b.json().get("message").asString()).contains("不计入排名").doesNotContain("ranked");
        assertThat(api().accepting("en").postJson("/api/attempts/" + late.get("attemptId").asString() + "/submit",
                body(Map.of()), late.get("token").asString()).json().get("message").asString())
                .as("the same result, in English").contains("not ranked").doesNotContain("排名");
        JsonNode ranking = api().get("/api/contests/" + id + "/ranking").json();
        assertThat(ranking).hasSize(1);
        assertThat(ranking.get(0).get("name").asString()).isEqualTo("踩点");
        // asking again answers the same, still late
        assertThat(submit(late, Map.of()).json().get("late").asBoolean()).isTrue();
    }

    @Test
    void aSubmissionAfterTheCloseIsRefusedAndNothingIsStored() {
        Instant now = clock.instant();
        long id = OnlineFixtures.contest(api().admin(), bank, Map.of("questionsPerPaper", 6, "timeLimitSeconds", 3600,
                "opensAt", now.minusSeconds(60).toString(), "closesAt", now.plusSeconds(300).toString()));
        JsonNode paper = start(id, "晚交", "13900000221");
        assertThat(Instant.parse(paper.get("expiresAt").asString())).as("the close comes before the limit")
                .isEqualTo(Instant.parse(api().get("/api/contests/" + id).json().get("closesAt").asString()));
        JsonNode inGrace = start(id, "准时", "13900000222");
        clock.advance(Duration.ofSeconds(300 + 10));
        assertThat(submit(inGrace, allRight(inGrace)).status()).as("within the grace after the close").isEqualTo(200);
        clock.advance(Duration.ofSeconds(6));
        Api.Response r = submit(paper, allRight(paper));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("error").asString()).isEqualTo("window_closed");
        assertThat(r.json().get("message").asString()).contains("截止").doesNotContain("closed");
        Api.Response en = api().accepting("en").postJson("/api/attempts/" + paper.get("attemptId").asString()
                + "/submit", body(allRight(paper)), paper.get("token").asString());
        assertThat(en.json().get("error").asString()).isEqualTo("window_closed");
        assertThat(en.json().get("message").asString()).contains("closed").doesNotContain("截止");
        JsonNode view = Bearer.get(api(), "/api/attempts/" + paper.get("attemptId").asString(), paper.get("token").asString()).json();
        assertThat(view.get("submitted").asBoolean()).isFalse();
        assertThat(api().get("/api/contests/" + id + "/ranking").json()).hasSize(1);
        Api.Response startAfter = api().postJson("/api/contests/" + id + "/attempts", OnlineFixtures.person("太晚", "13900000223", "U1"));
        assertThat(startAfter.status()).isEqualTo(409);
        assertThat(startAfter.json().get("error").asString()).isEqualTo("not_open");
        // a result already stored is still answered after the close
        assertThat(submit(inGrace, Map.of()).status()).isEqualTo(200);
    }

    @Test
    void theKeyIsShownOnlyWhenNothingCanBeSubmittedAnyMore() {
        Instant now = clock.instant();
        long id = OnlineFixtures.contest(api().admin(), bank, Map.of("questionsPerPaper", 6,
                "opensAt", now.minusSeconds(60).toString(), "closesAt", now.plusSeconds(600).toString()));
        JsonNode paper = start(id, "复盘", "13900000231");
        submit(paper, allRight(paper));
        String path = "/api/attempts/" + paper.get("attemptId").asString();
        String token = paper.get("token").asString();
        assertThat(Bearer.get(api(), path, token).body()).doesNotContain("review").doesNotContain("correct");
        clock.advance(Duration.ofSeconds(600 + 10));
        assertThat(Bearer.get(api(), path, token).body()).as("closed, but a submission in the grace still counts")
                .doesNotContain("correct");
        clock.advance(Duration.ofSeconds(10));
        JsonNode view = Bearer.get(api(), path, token).json();
        JsonNode review = view.get("review");
        assertThat(review).hasSize(6);
        for (JsonNode rv : review) {
            assertThat(rv.get("right").asBoolean()).isTrue();
            assertThat(rv.get("chosen")).isEqualTo(rv.get("correct"));
            assertThat(rv.get("explanation").asString()).startsWith("解析");
        }
    }
}
