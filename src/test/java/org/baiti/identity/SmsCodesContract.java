package org.baiti.identity;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.baiti.testing.Api;
import org.baiti.testing.App;
import org.baiti.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One-time codes through a real provider's SDK (Alibaba Cloud, against the local fake): a participant asks for a code,
 * the SMS carries it, the start accepts it; the resend pause, the validity, the wrong-code limit and the day's cap hold,
 * from the database; a provider error is a clear refusal; phone and code are stored only hashed.
 */
interface SmsCodesContract extends App {

    FakeSmsProvider FAKE = FakeSmsProvider.aliyun();
    String SECRET = "e2e-aliyun-secret";
    JsonMapper JSON = JsonMapper.builder().build();

    static void properties(DynamicPropertyRegistry r) {
        r.add("baiti.otp.enabled", () -> "true");
        r.add("baiti.otp.provider", () -> "aliyun");
        r.add("baiti.otp.max-per-day", () -> "4");
        r.add("baiti.sms.aliyun.endpoint", FAKE::endpoint);
        r.add("baiti.sms.aliyun.protocol", () -> "HTTP");
        r.add("baiti.sms.aliyun.access-key-id", () -> "LTAI5tE2E");
        r.add("baiti.sms.aliyun.access-key-secret", () -> SECRET);
        r.add("baiti.sms.aliyun.sign-name", () -> "百题竞赛");
        r.add("baiti.sms.aliyun.template-code", () -> "SMS_0001");
    }

    /** Asks for a code and returns the one the SMS carried (checking the request's signature on the way). */
    private String codeBySms(long contest, String phone) {
        int before = FAKE.received().size();
        Api.Response sent = api().postJson("/api/contests/" + contest + "/codes", Map.of("phone", phone));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(sent.json().has("developmentCode")).as("a real provider: the code is not in the answer").isFalse();
        assertThat(FAKE.received()).hasSize(before + 1);
        FakeSmsProvider.Received r = FAKE.last();
        assertThat(r.query()).containsEntry("PhoneNumbers", phone);
        assertThat(FakeSmsProvider.acs3Signature(r, SECRET)).isEqualTo(FakeSmsProvider.acs3Parts(r).get(2));
        return JSON.readTree(r.query().get("TemplateParam")).get("code").asString();
    }

    private Api.Response start(long contest, String phone, String code) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", "张三", "phone", phone, "unit", "U1", "consent", true));
        if (code != null) {
            body.put("code", code);
        }
        return api().postJson("/api/contests/" + contest + "/attempts", body);
    }

    private long contest() {
        clock().reset(); // the tests share one application; an earlier one may have moved its clock a day on
        Api admin = api().admin();
        long id = Fixtures.contest(admin, 5);
        admin.upload("/api/admin/contests/" + id + "/units", "units.csv", Fixtures.csv(Fixtures.units()));
        admin.upload("/api/admin/contests/" + id + "/bank", "bank.csv", Fixtures.csv(Fixtures.bank()));
        return id;
    }

    @Test
    default void theCodeTheSmsCarriedStartsTheAttempt() {
        long id = contest();
        String phone = "13512340001";
        assertThat(start(id, phone, null).json().get("error").asString()).isEqualTo("code_required");
        String code = codeBySms(id, phone);
        assertThat(code).matches("\\d{6}");
        Api.Response wrong = start(id, phone, code.equals("000000") ? "111111" : "000000");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.json().get("error").asString()).isEqualTo("invalid_code");
        assertThat(start(id, phone, code).status()).isEqualTo(201);

        // the same code shows the person their stored data (docs/privacy.md), and nobody else's
        Api.Response mine = api().postJson("/api/contests/" + id + "/my-data", Map.of("phone", phone, "code", code));
        assertThat(mine.status()).as(mine.body()).isEqualTo(200);
        assertThat(mine.json().get("phone").asString()).isEqualTo(phone);
        assertThat(mine.json().get("attempts")).hasSize(1);
        assertThat(api().postJson("/api/contests/" + id + "/my-data", Map.of("phone", "13512349999", "code", code)).status())
                .isEqualTo(403);

        // stored hashed only: neither the phone nor the code is in the table
        List<Map<String, Object>> rows = bean(JdbcClient.class).sql("SELECT * FROM one_time_code").query().listOfRows();
        assertThat(rows).isNotEmpty();
        assertThat(rows.toString()).doesNotContain(phone).doesNotContain(phone.substring(3));
        for (Map<String, Object> row : rows) {
            assertThat(row.values().stream().map(String::valueOf).toList()).noneMatch(v -> v.equals(code));
        }
    }

    @Test
    default void theResendPauseTheValidityTheTriesAndTheDaysCapHold() {
        long id = contest();
        String phone = "13512340002";
        String first = codeBySms(id, phone);
        Api.Response again = api().postJson("/api/contests/" + id + "/codes", Map.of("phone", phone));
        assertThat(again.status()).isEqualTo(429);
        assertThat(again.json().get("error").asString()).isEqualTo("too_soon");
        clock().advance(Duration.ofSeconds(61));
        String second = codeBySms(id, phone);
        if (!second.equals(first)) {
            assertThat(start(id, phone, first).status()).as("only the last code counts").isEqualTo(403);
        }
        // five wrong codes use the code up
        String wrong = second.equals("999999") ? "888888" : "999999";
        for (int i = 0; i < 5; i++) {
            assertThat(start(id, phone, wrong).status()).isEqualTo(403);
        }
        assertThat(start(id, phone, second).status()).as("no tries left").isEqualTo(403);
        // a code ends after its validity (10 minutes)
        clock().advance(Duration.ofSeconds(61));
        String third = codeBySms(id, phone);
        clock().advance(Duration.ofMinutes(11));
        assertThat(start(id, phone, third).status()).as("expired").isEqualTo(403);
        // the day's cap (4 here) counts the codes sent
        String fourth = codeBySms(id, phone);
        clock().advance(Duration.ofSeconds(61));
        Api.Response capped = api().postJson("/api/contests/" + id + "/codes", Map.of("phone", phone));
        assertThat(capped.status()).isEqualTo(429);
        assertThat(capped.json().get("error").asString()).isEqualTo("too_many_codes");
        assertThat(start(id, phone, fourth).status()).isEqualTo(201);
        clock().advance(Duration.ofHours(24));
        assertThat(api().postJson("/api/contests/" + id + "/codes", Map.of("phone", "13512340002")).status())
                .as("a new day").isEqualTo(200);
    }

    @Test
    default void aProviderErrorIsAClearRefusalAndDoesNotHoldThePhone() {
        long id = contest();
        String phone = "13512340003";
        FAKE.answerNext(200, FakeSmsProvider.ALIYUN_LIMITED);
        Api.Response failed = api().postJson("/api/contests/" + id + "/codes", Map.of("phone", phone));
        assertThat(failed.status()).isEqualTo(409);
        assertThat(failed.json().get("error").asString()).isEqualTo("sms_failed");
        assertThat(failed.json().get("message").asString()).contains("短信发送失败");
        // the failed code was taken back: no pause, and the next one works
        String code = codeBySms(id, phone);
        assertThat(start(id, phone, code).status()).isEqualTo(201);
    }
}
