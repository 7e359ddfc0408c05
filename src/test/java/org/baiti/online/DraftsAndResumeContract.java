package org.baiti.online;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.baiti.testing.Api;
import org.baiti.testing.App;
import org.baiti.testing.Fixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drafts and resuming an attempt (API.md, SPEC §9) and the review after the contest, over HTTP on both databases.
 */
interface DraftsAndResumeContract extends App {

    private long contest() {
        Api admin = api().admin();
        long id = Fixtures.contest(admin, 5);
        assertThat(admin.upload("/api/admin/contests/" + id + "/units", "units.csv", Fixtures.csv(Fixtures.units())).status()).isEqualTo(200);
        assertThat(admin.upload("/api/admin/contests/" + id + "/bank", "bank.csv", Fixtures.csv(Fixtures.bank())).status()).isEqualTo(200);
        return id;
    }

    private static Map<String, Object> firstOptions(JsonNode questions, int from, int to) {
        Map<String, List<String>> answers = new HashMap<>();
        for (int i = from; i < to; i++) {
            JsonNode q = questions.get(i);
            answers.put(q.get("id").asString(), List.of(q.get("options").get(0).get("id").asString()));
        }
        return Map.of("answers", answers);
    }

    @Test
    default void aDraftIsResumedOnAnotherDeviceWithANewTokenAndSubmittedOnce() {
        long id = contest();
        String phone = "13600001111";
        Api.Response started = api().postJson("/api/contests/" + id + "/attempts", Map.of("name", "换机", "phone", phone, "unit", "U1"));
        assertThat(started.status()).isEqualTo(201);
        JsonNode paper = started.json();
        String attempt = paper.get("attemptId").asString();
        String oldToken = paper.get("token").asString();
        String code = paper.get("resumeCode").asString();
        assertThat(code).matches("\\d{8}");

        Api.Response saved = api().putJson("/api/attempts/" + attempt + "/answers", firstOptions(paper.get("questions"), 0, 2), oldToken);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("answered").asInt()).isEqualTo(2);
        assertThat(api().putJson("/api/attempts/" + attempt + "/answers", Map.of("answers", Map.of("nope", List.of("x"))), oldToken).status())
                .as("a question not on the paper").isEqualTo(400);
        assertThat(api().putJson("/api/attempts/" + attempt + "/answers", firstOptions(paper.get("questions"), 0, 1), "f".repeat(32)).status())
                .isEqualTo(403);

        String wrong = code.equals("00000000") ? "11111111" : "00000000";
        Api.Response refused = api().postJson("/api/contests/" + id + "/attempts/resume", Map.of("phone", phone, "resumeCode", wrong));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("error").asString()).isEqualTo("invalid_resume_code");
        Api.Response unknown = api().postJson("/api/contests/" + id + "/attempts/resume", Map.of("phone", "13600009999", "resumeCode", code));
        assertThat(unknown.status()).as("the same answer for a phone without an attempt").isEqualTo(403);
        assertThat(unknown.body()).isEqualTo(refused.body());
        assertThat(api().postJson("/api/contests/" + id + "/attempts/resume", Map.of("phone", "123")).status()).isEqualTo(400);

        Api.Response resumed = api().postJson("/api/contests/" + id + "/attempts/resume", Map.of("phone", phone, "resumeCode", code));
        assertThat(resumed.status()).as(resumed.body()).isEqualTo(200);
        JsonNode r = resumed.json();
        assertThat(r.get("attemptId").asString()).isEqualTo(attempt);
        assertThat(r.get("issuedAt").asString()).as("time still counts from the issue").isEqualTo(paper.get("issuedAt").asString());
        assertThat(r.get("expiresAt").asString()).isEqualTo(paper.get("expiresAt").asString());
        assertThat(r.get("answers").size()).isEqualTo(2);
        assertThat(r.get("questions").size()).isEqualTo(5);
        String newToken = r.get("token").asString();
        assertThat(newToken).isNotEqualTo(oldToken);

        Api.Response old = api().putJson("/api/attempts/" + attempt + "/answers", firstOptions(paper.get("questions"), 2, 3), oldToken);
        assertThat(old.status()).isEqualTo(409);
        assertThat(old.json().get("error").asString()).isEqualTo("taken_over");
        assertThat(api().postJson("/api/attempts/" + attempt + "/submit", firstOptions(paper.get("questions"), 0, 5), oldToken).status())
                .as("the previous token no longer submits").isEqualTo(409);

        Api.Response submitted = api().postJson("/api/attempts/" + attempt + "/submit", firstOptions(paper.get("questions"), 0, 5), newToken);
        assertThat(submitted.status()).isEqualTo(200);
        assertThat(submitted.json().get("timeUp").asBoolean()).isFalse();
        assertThat(api().postJson("/api/attempts/" + attempt + "/submit", firstOptions(paper.get("questions"), 0, 5), newToken).json()
                .get("submittedAt").asString()).as("counted once").isEqualTo(submitted.json().get("submittedAt").asString());
        assertThat(api().putJson("/api/attempts/" + attempt + "/answers", firstOptions(paper.get("questions"), 0, 1), newToken).status())
                .as("no draft once submitted").isEqualTo(409);
        assertThat(api().get("/api/contests/" + id + "/ranking").json().size()).isEqualTo(1);

        // after the close: the person reviews the paper from any device with phone + resume code
        Api.Response view = api().get("/api/attempts/" + attempt, newToken);
        assertThat(view.json().get("review")).as("no key before the close").isNull();
        assertThat(api().admin().postJson("/api/admin/contests/" + id + "/freeze", Map.of()).status()).isEqualTo(200);
        JsonNode again = api().postJson("/api/contests/" + id + "/attempts/resume", Map.of("phone", phone, "resumeCode", code)).json();
        assertThat(again.get("submitted").asBoolean()).isTrue();
        JsonNode review = api().get("/api/attempts/" + attempt, again.get("token").asString()).json().get("review");
        assertThat(review.size()).isEqualTo(5);
        boolean explained = false;
        for (JsonNode item : review) {
            assertThat(item.get("correct").size()).isPositive();
            assertThat(item.get("chosen").size()).isEqualTo(1);
            explained |= item.has("explanation") && item.get("explanation").asString().equals("12119");
        }
        assertThat(explained).as("the bank's 解析 is shown").isTrue();
    }

    /** The page's timer submits at the end of the time; the result says so ("时间到，已自动交卷"), by the server's clock. */
    @Test
    default void aSubmissionWhenTheTimeIsUpSaysSo() {
        Api admin = api().admin();
        long id = Fixtures.contest(admin, Map.of("questionsPerPaper", 5, "timeLimitSeconds", 10));
        admin.upload("/api/admin/contests/" + id + "/units", "units.csv", Fixtures.csv(Fixtures.units()));
        admin.upload("/api/admin/contests/" + id + "/bank", "bank.csv", Fixtures.csv(Fixtures.bank()));
        JsonNode paper = api().postJson("/api/contests/" + id + "/attempts", Map.of("name", "计时", "phone", "13600003333", "unit", "U1")).json();
        clock().advance(Duration.ofMillis(10_200)); // past the 10 s limit, within the grace
        Api.Response r = api().postJson("/api/attempts/" + paper.get("attemptId").asString() + "/submit",
                firstOptions(paper.get("questions"), 0, 5), paper.get("token").asString());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("timeUp").asBoolean()).isTrue();
        assertThat(r.json().get("late").asBoolean()).as("within the grace: counted").isFalse();
        assertThat(api().get("/api/attempts/" + paper.get("attemptId").asString(), paper.get("token").asString()).json()
                .get("result").get("timeUp").asBoolean()).isTrue();
    }

    @Test
    default void guessingResumeCodesIsThrottledPerPhone() {
        long id = contest();
        String phone = "13600002222";
        JsonNode paper = api().postJson("/api/contests/" + id + "/attempts", Map.of("name", "猜码", "phone", phone, "unit", "U1")).json();
        String code = paper.get("resumeCode").asString();
        int refused = 0;
        Api.Response last = null;
        for (int i = 0; i < 30; i++) {
            String guess = String.format("%08d", (Integer.parseInt(code) + 1 + i) % 100_000_000);
            last = api().postJson("/api/contests/" + id + "/attempts/resume", Map.of("phone", phone, "resumeCode", guess));
            if (last.status() != 403) {
                break;
            }
            refused++;
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(refused).as("wrong codes before the phone is refused").isEqualTo(11);
        assertThat(api().postJson("/api/contests/" + id + "/attempts/resume", Map.of("phone", phone, "resumeCode", code)).status())
                .as("even the right code waits").isEqualTo(429);
    }
}
