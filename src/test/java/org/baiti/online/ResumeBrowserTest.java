package org.baiti.online;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.baiti.online.OnlineFixtures.Known;
import org.baiti.testing.Browser;
import org.baiti.testing.EnabledIfBrowser;
import org.baiti.testing.SqliteApp;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two real browser sessions (two phones): half a paper answered on the first, continued on the second with the
 * resume code shown on every screen, the first told that the attempt moved, one submission counted.
 */
@EnabledIfBrowser
class ResumeBrowserTest extends SqliteApp {

    @Test
    void halfAPaperOnOnePhoneIsFinishedOnAnotherWithTheResumeCodeAndCountsOnce() {
        Map<String, Known> bank = OnlineFixtures.bank(8);
        long id = OnlineFixtures.contest(api().admin(), bank, Map.of("questionsPerPaper", 8, "timeLimitSeconds", 1200));
        JdbcClient jdbc = bean(JdbcClient.class);
        try (Browser first = Browser.phone(); Browser second = Browser.phone()) {
            WebDriver d1 = first.driver();
            WebDriverWait w1 = first.waiting(Duration.ofSeconds(30));
            d1.get(api().base() + "/c/" + id);
            w1.until(ExpectedConditions.visibilityOfElementLocated(By.id("identify")));
            d1.findElement(By.id("name")).sendKeys("换机人");
            d1.findElement(By.id("phone")).sendKeys("13912345678");
            d1.findElement(By.id("unit-search")).sendKeys("第一");
            chooseUnit(w1, "第一", "U1-1");
            d1.findElement(By.id("consent")).click();
            d1.findElement(By.id("start")).click();
            w1.until(ExpectedConditions.visibilityOfElementLocated(By.id("answering")));
            String note = d1.findElement(By.cssSelector("#answering .resume-note")).getText();
            String code = note.replaceAll("\\D", "");
            assertThat(code).as(note).hasSize(8);
            first.screenshot("online-resume-code");

            for (int i = 0; i < 4; i++) {
                answerShown(d1, w1, i + 1);
            }
            w1.until(ExpectedConditions.textToBe(By.id("saved"), "已保存到服务器"));
            // a reload is not "the page was hidden"
            d1.navigate().refresh();
            w1.until(ExpectedConditions.visibilityOfElementLocated(By.id("answering")));
            String attemptId = jdbc.sql("SELECT id FROM attempt WHERE contest_id = ?").param(id).query(String.class).single();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM attempt_signal WHERE attempt_id = ? AND kind = 'page_hidden'")
                    .param(attemptId).query(Long.class).single()).as("no page_hidden for a reload").isZero();
            assertThat(jdbc.sql("SELECT draft FROM attempt WHERE id = ?").param(attemptId).query(String.class).single())
                    .as("the draft is on the server").isNotBlank();

            WebDriver d2 = second.driver();
            WebDriverWait w2 = second.waiting(Duration.ofSeconds(30));
            d2.get(api().base() + "/c/" + id);
            w2.until(ExpectedConditions.visibilityOfElementLocated(By.id("identify")));
            d2.findElement(By.id("resume-open")).click();
            w2.until(ExpectedConditions.visibilityOfElementLocated(By.id("resume")));
            d2.findElement(By.id("resume-phone")).sendKeys("13912345678");
            d2.findElement(By.id("resume-code")).sendKeys("00000000".equals(code) ? "11111111" : "00000000");
            d2.findElement(By.id("resume-go")).click();
            w2.until(ExpectedConditions.visibilityOfElementLocated(By.id("resume-error")));
            assertThat(d2.findElement(By.id("resume-error")).getText()).contains("续答码不正确");
            d2.findElement(By.id("resume-code")).clear();
            d2.findElement(By.id("resume-code")).sendKeys(code.substring(0, 4) + " " + code.substring(4));
            second.screenshot("online-resume-form");
            d2.findElement(By.id("resume-go")).click();
            w2.until(ExpectedConditions.visibilityOfElementLocated(By.id("answering")));
            w2.until(ExpectedConditions.textToBe(By.id("progress"), "第 5 / 8 题"));
            assertThat(d2.findElement(By.cssSelector("#answering .resume-note")).getText().replaceAll("\\D", "")).isEqualTo(code);

            // the first phone answers once more: it is told that the attempt continues elsewhere
            d1.findElements(By.cssSelector("#options label.opt")).get(0).click();
            w1.until(ExpectedConditions.visibilityOfElementLocated(By.id("taken-over")));
            assertThat(d1.findElement(By.id("taken-over")).getText()).contains("已在另一台设备上继续答题");
            first.screenshot("online-taken-over");

            for (int i = 4; i < 8; i++) {
                answerShown(d2, w2, i + 1);
            }
            w2.until(ExpectedConditions.visibilityOfElementLocated(By.id("sheet")));
            assertThat(d2.findElements(By.cssSelector("#sheet-grid button.done"))).as("four from each phone").hasSize(8);
            d2.findElement(By.id("submit")).click();
            w2.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm")));
            d2.findElement(By.id("confirm-yes")).click();
            w2.until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
            assertThat(d2.findElement(By.id("r-timeup")).isDisplayed()).as("submitted by hand, not by the timer").isFalse();
            second.screenshot("online-resume-result");

            // before the close the review button says when it will show the key
            d2.findElement(By.id("review-open")).click();
            w2.until(ExpectedConditions.visibilityOfElementLocated(By.id("review-note")));
            assertThat(d2.findElements(By.cssSelector("#review .card.review"))).isEmpty();

            // after the close, the first phone (no attempt of its own any more) reviews with phone + resume code
            assertThat(api().admin().postJson("/api/admin/contests/" + id + "/freeze", Map.of()).status()).isEqualTo(200);
            d1.get(api().base() + "/c/" + id);
            w1.until(ExpectedConditions.visibilityOfElementLocated(By.id("closed")));
            d1.findElement(By.id("review-mine")).click();
            w1.until(ExpectedConditions.visibilityOfElementLocated(By.id("resume")));
            d1.findElement(By.id("resume-phone")).sendKeys("13912345678");
            d1.findElement(By.id("resume-code")).sendKeys(code);
            d1.findElement(By.id("resume-go")).click();
            w1.until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
            w1.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#review .card.review"), 8));
            assertThat(d1.findElements(By.cssSelector("#review .ropt.chosen"))).as("the person's choices").hasSize(8);
            assertThat(d1.findElements(By.cssSelector("#review .ropt.correct"))).as("the key").isNotEmpty();
            assertThat(d1.findElement(By.id("review")).getText()).as("the bank's 解析").contains("请牢记要点");
            first.screenshot("online-review");
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM attempt WHERE contest_id = ? AND submitted_at IS NOT NULL").param(id)
                .query(Long.class).single()).as("one submission").isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ranking_entry WHERE contest_id = ?").param(id).query(Long.class).single())
                .isEqualTo(1);
        assertThat(api().get("/api/contests/" + id + "/ranking").json().get(0).get("name").asString()).isEqualTo("换机人");
    }

    /** Picks the first option of the question shown (number {@code shown}) and moves on. */
    private static void answerShown(WebDriver d, WebDriverWait wait, int shown) {
        wait.until(ExpectedConditions.textToBe(By.id("progress"), "第 " + shown + " / 8 题"));
        List<WebElement> options = d.findElements(By.cssSelector("#options label.opt"));
        boolean multi = options.get(0).getAttribute("class").contains("multi");
        options.get(0).click();
        if (multi || shown == 8) {
            d.findElement(By.id("next")).click();
        }
    }

    private static void chooseUnit(WebDriverWait wait, String query, String code) {
        By button = By.cssSelector("#unit-list[data-q='" + query + "'] button[data-code='" + code + "']");
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            if (!code.equals(d.findElement(By.id("unit")).getDomProperty("value"))) {
                List<WebElement> found = d.findElements(button);
                if (!found.isEmpty() && found.get(0).isDisplayed()) {
                    found.get(0).click();
                }
            }
            return code.equals(d.findElement(By.id("unit")).getDomProperty("value"))
                    && d.findElement(By.id("unit-chosen-name")).isDisplayed();
        });
    }
}
