package org.baiti.identity;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.baiti.testing.Api;
import org.baiti.testing.Browser;
import org.baiti.testing.EnabledIfBrowser;
import org.baiti.testing.Fixtures;
import org.baiti.testing.SqliteApp;
import org.baiti.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Continuing on another phone with an SMS code where codes are on: the first phone started (with a code the SMS
 * carried) and saved two answers; the second, in a real browser, asks for a code on the resume screen, reads it from
 * the SMS that Alibaba Cloud's SDK sent to the local fake provider, and goes on at the third question; the first phone's
 * token is refused from then on; one submission counts.
 */
@EnabledIfBrowser
@Import(TestClock.Config.class)
@DirtiesContext
class ResumeBySmsBrowserTest extends SqliteApp {

    @DynamicPropertySource
    static void sms(DynamicPropertyRegistry r) {
        SmsCodesContract.properties(r);
    }

    private static String lastCode(String phone) {
        FakeSmsProvider.Received r = SmsCodesContract.FAKE.last();
        assertThat(r.query()).containsEntry("PhoneNumbers", phone);
        assertThat(FakeSmsProvider.acs3Signature(r, SmsCodesContract.SECRET)).isEqualTo(FakeSmsProvider.acs3Parts(r).get(2));
        return SmsCodesContract.JSON.readTree(r.query().get("TemplateParam")).get("code").asString();
    }

    @Test
    void anSmsCodeContinuesTheAttemptOnAnotherPhone() {
        clock().reset();
        Api admin = api().admin();
        long id = Fixtures.contest(admin, 5);
        admin.upload("/api/admin/contests/" + id + "/units", "units.csv", Fixtures.csv(Fixtures.units()));
        admin.upload("/api/admin/contests/" + id + "/bank", "bank.csv", Fixtures.csv(Fixtures.bank()));
        String phone = "13512349876";

        // the first phone: a code by SMS, the start, two answers saved as a draft
        assertThat(api().postJson("/api/contests/" + id + "/codes", Map.of("phone", phone)).status()).isEqualTo(200);
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", "短信续答", "phone", phone, "unit", "U1",
                "consent", true, "code", lastCode(phone)));
        Api.Response started = api().postJson("/api/contests/" + id + "/attempts", body);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String attempt = started.json().get("attemptId").asString();
        String firstToken = started.json().get("token").asString();
        JsonNode questions = started.json().get("questions");
        Map<String, List<String>> two = new LinkedHashMap<>();
        for (int i = 0; i < 2; i++) {
            two.put(questions.get(i).get("id").asString(), List.of(questions.get(i).get("options").get(0).get("id").asString()));
        }
        assertThat(api().putJson("/api/attempts/" + attempt + "/answers", Map.of("answers", two), firstToken).status())
                .isEqualTo(200);
        clock().advance(Duration.ofSeconds(61)); // past the resend pause for this phone

        // the second phone, in a browser: resume with phone + the code the SMS carries
        try (Browser browser = Browser.phone()) {
            WebDriver d = browser.driver();
            WebDriverWait w = browser.waiting(Duration.ofSeconds(30));
            d.get(api().base() + "/c/" + id);
            w.until(ExpectedConditions.visibilityOfElementLocated(By.id("identify")));
            d.findElement(By.id("resume-open")).click();
            w.until(ExpectedConditions.visibilityOfElementLocated(By.id("resume")));
            d.findElement(By.id("resume-phone")).sendKeys(phone);
            int sent = SmsCodesContract.FAKE.received().size();
            d.findElement(By.id("resume-send")).click();
            w.until(x -> SmsCodesContract.FAKE.received().size() > sent);
            w.until(ExpectedConditions.visibilityOfElementLocated(By.id("resume-sent")));
            assertThat(d.findElement(By.id("resume-sent")).getText()).as("said sent, no code shown on the page")
                    .contains("验证码已发送").doesNotContain("开发用验证码");
            assertThat(d.findElement(By.id("resume-error")).isDisplayed()).isFalse();
            d.findElement(By.id("resume-sms")).sendKeys(lastCode(phone));
            browser.screenshot("online-resume-sms");
            d.findElement(By.id("resume-go")).click();
            w.until(ExpectedConditions.visibilityOfElementLocated(By.id("answering")));
            w.until(ExpectedConditions.textToBe(By.id("progress"), "第 3 / 5 题"));

            // the first phone is told on its next save
            Api.Response refused = api().putJson("/api/attempts/" + attempt + "/answers", Map.of("answers", two), firstToken);
            assertThat(refused.status()).as(refused.body()).isEqualTo(409);
            assertThat(refused.json().get("error").asString()).isEqualTo("taken_over");

            for (int shown = 3; shown <= 5; shown++) {
                w.until(ExpectedConditions.textToBe(By.id("progress"), "第 " + shown + " / 5 题"));
                List<WebElement> options = d.findElements(By.cssSelector("#options label.opt"));
                boolean multi = options.get(0).getAttribute("class").contains("multi");
                options.get(0).click();
                if (multi || shown == 5) {
                    d.findElement(By.id("next")).click();
                }
            }
            w.until(ExpectedConditions.visibilityOfElementLocated(By.id("sheet")));
            d.findElement(By.id("submit")).click();
            w.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm")));
            d.findElement(By.id("confirm-yes")).click();
            w.until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
        }
        JdbcClient jdbc = bean(JdbcClient.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM attempt WHERE contest_id = ? AND submitted_at IS NOT NULL").param(id)
                .query(Long.class).single()).as("one submission").isEqualTo(1);
        assertThat(api().postJson("/api/attempts/" + attempt + "/submit", Map.of("answers", two), firstToken).status())
                .as("the first phone's token submits nothing any more").isIn(401, 403, 409);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ranking_entry WHERE contest_id = ?").param(id).query(Long.class).single())
                .isEqualTo(1);
    }
}
