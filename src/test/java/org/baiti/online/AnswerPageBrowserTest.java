package org.baiti.online;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.baiti.online.OnlineFixtures.Known;
import org.baiti.testing.Api;
import org.baiti.testing.Browser;
import org.baiti.testing.EnabledIfBrowser;
import org.baiti.testing.SqliteApp;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A participant on a phone-sized screen in a real headless Chromium: identifies, answers every question by
 * tapping, reloads in the middle without losing anything, submits, sees the result and the ranking.
 * Screenshots go to target/screenshots/online-*.png.
 */
@EnabledIfBrowser
class AnswerPageBrowserTest extends SqliteApp {

    private static final Pattern KEY = Pattern.compile("K(\\d+)");

    @Test
    void aParticipantAnswersOnAPhoneReloadsHalfwayAndSeesScoreTimeAndRank() {
        Map<String, Known> bank = OnlineFixtures.bank(8);
        long id = OnlineFixtures.contest(api().admin(), bank, Map.of("name", "示范市森林草原防灭火知识竞赛",
                "questionsPerPaper", 8, "timeLimitSeconds", 1200, "onlineQuota", 2));
        // three others answered before: all right, half right, nothing right
        Random random = new Random(5);
        String[] names = {"王小明", "李华", "赵敏"};
        double[] skill = {1.0, 0.5, 0.0};
        for (int i = 0; i < 3; i++) {
            JsonNode p = api().postJson("/api/contests/" + id + "/attempts",
                    OnlineFixtures.person(names[i], "1370000000" + i, i == 0 ? "U2-1" : "U1")).json();
            Map<String, List<String>> answers = new LinkedHashMap<>();
            int k = 0;
            for (JsonNode q : p.get("questions")) {
                Known known = bank.get(q.get("id").asString());
                answers.put(known.id(), OnlineFixtures.answer(q, known, k++ < skill[i] * 8, random));
            }
            api().postJson("/api/attempts/" + p.get("attemptId").asString() + "/submit", Map.of("answers", answers),
                    p.get("token").asString());
        }

        try (Browser b = Browser.phone()) {
            WebDriver d = b.driver();
            WebDriverWait wait = b.waiting(Duration.ofSeconds(30)); // generous: a loaded CI machine answers slowly
            d.get(api().base() + "/c/" + id);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("identify")));
            // the form refuses to start without the fields, in words
            d.findElement(By.id("start")).click();
            assertThat(d.findElement(By.cssSelector(".field-error[data-for=phone]")).getText()).contains("手机号");

            d.findElement(By.id("name")).sendKeys("张三丰");
            d.findElement(By.id("phone")).sendKeys("138 0013 8000");
            d.findElement(By.id("unit-search")).sendKeys("第一");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#unit-list[data-q='第一'] button[data-code='U1-1']")));
            b.screenshot("online-identify");
            chooseUnit(wait, "第一", "U1-1");
            assertThat(d.findElement(By.id("unit-chosen-name")).getText()).isEqualTo("第一中学");
            // the personal data notice is on the screen, and nothing is sent before its box is ticked (docs/privacy.md)
            assertThat(d.findElement(By.id("privacy-notice")).getText()).contains("收集哪些信息").contains("180");
            d.findElement(By.id("start")).click();
            assertThat(d.findElement(By.cssSelector(".field-error[data-for=consent]")).getText()).contains("勾选同意");
            assertThat(d.findElement(By.id("identify")).isDisplayed()).isTrue();
            d.findElement(By.id("consent")).click();
            d.findElement(By.id("start")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("answering")));

            int total = 8;
            int wrongOn = 5; // answer the sixth question wrong on purpose
            for (int i = 0; i < total; i++) {
                int shown = i + 1;
                wait.until(ExpectedConditions.textToBe(By.id("progress"), "第 " + shown + " / " + total + " 题"));
                Known known = bank.get(keyOf(d.findElement(By.id("stem")).getText()));
                boolean multi = known.type().equals("多选");
                List<WebElement> options = d.findElements(By.cssSelector("#options label.opt"));
                for (WebElement o : options) {
                    String text = o.findElement(By.cssSelector(".text")).getText();
                    boolean right = known.rightTexts().contains(text);
                    if (i == wrongOn ? !right && (multi || o.equals(firstWrong(options, known))) : right) {
                        o.click();
                    }
                }
                if (i == 1) {
                    b.screenshot("online-question");
                }
                if (i == 2) {
                    // reload in the middle: the page resumes at the next question with every answer kept
                    wait.until(ExpectedConditions.textToBe(By.id("progress"), "第 4 / " + total + " 题"));
                    d.navigate().refresh();
                    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("answering")));
                    wait.until(ExpectedConditions.textToBe(By.id("progress"), "第 4 / " + total + " 题"));
                    for (int back = 0; back < 3; back++) {
                        d.findElement(By.id("prev")).click();
                        assertThat(d.findElements(By.cssSelector("#options label.opt.checked"))).as("kept after reload").isNotEmpty();
                        assertThat(d.findElements(By.cssSelector("#options input:checked"))).isNotEmpty();
                    }
                    for (int fwd = 0; fwd < 3; fwd++) {
                        d.findElement(By.id("next")).click();
                    }
                    continue;
                }
                if (multi || i == total - 1) {
                    d.findElement(By.id("next")).click();
                }
            }
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sheet")));
            assertThat(d.findElement(By.id("sheet-count")).getText()).contains("已答 8 题");
            assertThat(d.findElements(By.cssSelector("#sheet-grid button.done"))).hasSize(8);
            b.screenshot("online-sheet");
            d.findElement(By.id("submit")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm")));
            b.screenshot("online-confirm");
            d.findElement(By.id("confirm-yes")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("r-rank"), "名"));
            b.screenshot("online-result");

            int max = bank.values().stream().mapToInt(Known::points).sum();
            int lost = bank.values().stream().toList().get(wrongOn).points();
            assertThat(d.findElement(By.id("r-score")).getText()).isEqualTo(String.valueOf(max - lost));
            assertThat(d.findElement(By.id("r-max")).getText()).isEqualTo(String.valueOf(max));
            assertThat(d.findElement(By.id("r-time")).getText()).contains("秒");
            assertThat(d.findElement(By.id("r-rank")).getText()).isEqualTo("第 2 名");
            JsonNode ranking = api().get("/api/contests/" + id + "/ranking").json();
            assertThat(ranking.get(1).get("name").asString()).isEqualTo("张三丰");
            assertThat(ranking.get(1).get("unit").asString()).isEqualTo("第一中学");

            // a reload of the result page shows the result again, from the server
            d.navigate().refresh();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
            wait.until(ExpectedConditions.textToBe(By.id("r-rank"), "第 2 名"));

            d.get(api().base() + "/c/" + id + "/ranking");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".rank-table")));
            String board = d.findElement(By.cssSelector(".rank-table")).getText();
            assertThat(board).contains("王小明").contains("张三丰").contains("第一中学").contains("100.0%")
                    .doesNotContain("13800138000").doesNotContain("1370000000");
            assertThat(board.indexOf("王小明")).isLessThan(board.indexOf("张三丰"));
            b.screenshot("online-ranking");
            Object overflow = ((JavascriptExecutor) d).executeScript(
                    "return document.documentElement.scrollWidth > window.innerWidth;");
            assertThat(overflow).as("nothing wider than the phone").isEqualTo(false);

            // someone else on the same phone: the page forgets this attempt (after asking), and the same number
            // is refused by the server with a message the person can read
            d.get(api().base() + "/c/" + id);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
            d.findElement(By.id("again")).click();
            assertThat(d.findElement(By.id("again")).getText()).contains("确定");
            d.findElement(By.id("again")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("identify")));
            d.findElement(By.id("name")).sendKeys("张三丰");
            d.findElement(By.id("phone")).sendKeys("13800138000");
            d.findElement(By.id("unit-search")).sendKeys("东城");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#unit-list[data-q='东城'] button[data-code='U2']")));
            chooseUnit(wait, "东城", "U2");
            d.findElement(By.id("consent")).click();
            d.findElement(By.id("start")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("identify-error")));
            assertThat(d.findElement(By.id("identify-error")).getText()).contains("已经参加过").doesNotContain("one attempt");
        }
    }

    /**
     * Clicks the unit in the list of the search for {@code query}. The list is drawn again when a later search
     * answers (focus, then typing): a click on a list of an earlier search could land on another unit, so the
     * click waits for the list of this search ({@code data-q}), and is tried again until the unit is chosen.
     */
    private static void chooseUnit(WebDriverWait wait, String query, String code) {
        By button = By.cssSelector("#unit-list[data-q='" + query + "'] button[data-code='" + code + "']");
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            if (!code.equals(d.findElement(By.id("unit")).getDomProperty("value"))) {
                // a click on a list that was being drawn again may land on nothing: click until the unit is chosen
                List<WebElement> found = d.findElements(button);
                if (!found.isEmpty() && found.get(0).isDisplayed()) {
                    found.get(0).click();
                }
            }
            return code.equals(d.findElement(By.id("unit")).getDomProperty("value"))
                    && d.findElement(By.id("unit-chosen-name")).isDisplayed();
        });
    }

    private static WebElement firstWrong(List<WebElement> options, Known known) {
        for (WebElement o : options) {
            if (!known.rightTexts().contains(o.findElement(By.cssSelector(".text")).getText())) {
                return o;
            }
        }
        throw new AssertionError("no wrong option");
    }

    private static String keyOf(String stem) {
        Matcher m = KEY.matcher(stem);
        assertThat(m.find()).as(stem).isTrue();
        return "K" + m.group(1);
    }
}
