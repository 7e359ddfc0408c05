package org.baiti.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.baiti.testing.App;
import org.baiti.testing.Browser;
import org.baiti.testing.EnabledIfBrowser;
import org.baiti.testing.SqliteApp;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The participant's and the public's pages in a real headless Chromium: the answer page chosen in English through its
 * switch ({@code ?lang=en}) speaks English in what its script shows too, from the first field error to the result; and
 * every page, in both languages, fits a phone (390×844) and a desktop (1280×900). Screenshots of each go to
 * target/screenshots/public-*.png.
 */
@EnabledIfBrowser
class PublicPagesBrowserTest extends SqliteApp {

    @Test
    void theAnswerPageChosenInEnglishShowsItsScriptsWordsInEnglish() {
        PublicPages fixture = new PublicPages(api());
        try (Browser b = Browser.phone()) {
            WebDriver d = b.driver();
            WebDriverWait wait = b.waiting(Duration.ofSeconds(30));
            d.get(api().base() + "/c/" + fixture.open); // the browser asks for Chinese
            assertThat(d.findElement(By.id("start")).getText()).isEqualTo("开始答题");
            d.findElement(By.cssSelector(".lang-switch")).click();
            wait.until(ExpectedConditions.textToBe(By.id("start"), "Start"));
            assertThat(((JavascriptExecutor) d).executeScript("return BaitiTexts.lang;")).isEqualTo("en");

            d.findElement(By.id("start")).click();
            assertThat(fieldError(d, "name")).isEqualTo("Please enter your name");
            assertThat(fieldError(d, "phone")).isEqualTo("Please enter an 11-digit mobile number");
            assertThat(fieldError(d, "unit")).isEqualTo("Please choose your unit from the list");
            assertThat(fieldError(d, "consent")).isEqualTo("Read the personal data notice and tick the box first");
            d.findElement(By.id("name")).sendKeys("张三");
            d.findElement(By.id("phone")).sendKeys("13812345678");
            d.findElement(By.id("unit-search")).sendKeys("没有这个单位");
            wait.until(ExpectedConditions.textToBe(By.cssSelector("#unit-list[data-q='没有这个单位'] li.none"),
                    "No match; try another word"));
            d.findElement(By.id("unit-search")).clear();
            d.findElement(By.id("unit-search")).sendKeys("第一");
            chooseUnit(wait, "第一", "U1-1");
            d.findElement(By.id("consent")).click();
            d.findElement(By.id("start")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("answering")));
            assertThat(d.findElement(By.id("countdown")).getText()).endsWith(" left");
            assertThat(d.findElement(By.cssSelector("#answering .resume-note")).getText()).startsWith("Resume code");

            int total = 5;
            for (int i = 1; i <= total; i++) {
                wait.until(ExpectedConditions.textToBe(By.id("progress"), "Question " + i + " of " + total));
                String type = d.findElement(By.id("qtype")).getText();
                assertThat(type).matches("(Single choice|Multiple choice \\(choose all that apply\\)|True or false)"
                        + "( · \\d+ points)?");
                if (i == 2) {
                    b.screenshot("public-answer-question-en-390");
                }
                d.findElement(By.cssSelector("#options label.opt")).click();
                if (type.startsWith("Multiple") || i == total) {
                    assertThat(d.findElement(By.id("next")).getText()).isEqualTo(i == total ? "Finish" : "Next");
                    d.findElement(By.id("next")).click();
                }
            }
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sheet")));
            assertThat(d.findElement(By.id("sheet-count")).getText()).isEqualTo("5 answered, 0 left");
            d.findElement(By.id("submit")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm")));
            assertThat(d.findElement(By.id("confirm-text")).getText()).startsWith("All answered. Submit?");
            b.screenshot("public-answer-confirm-en-390");
            d.findElement(By.id("confirm-yes")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
            wait.until(ExpectedConditions.textMatches(By.id("r-rank"), java.util.regex.Pattern.compile("No\\. \\d+")));
            assertThat(d.findElement(By.id("r-time")).getText()).matches("\\d+\\.\\d s");
            assertThat(d.findElement(By.id("r-accuracy")).getText()).matches("\\d{1,3}\\.\\d%");
            assertThat(d.findElement(By.id("again")).getText()).isEqualTo("Someone else answers");
            b.screenshot("public-answer-result-en-390");
            String shown = d.findElement(By.id("app")).getText().replace("张三", "").replace("第一中学", "")
                    .replace("全市森林防火知识竞赛", "");
            assertThat(PublicPages.chinese(shown)).as("no Chinese but the data").containsExactly("中文");

            // The choice stays: the ranking is in English as well, and the script's words go back to Chinese with it.
            d.get(api().base() + "/c/" + fixture.open + "/ranking");
            assertThat(d.findElement(By.cssSelector(".rank-table th")).getText()).isEqualTo("Rank");
            d.get(api().base() + "/c/" + fixture.open + "?lang=zh");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
            wait.until(ExpectedConditions.textMatches(By.id("r-rank"), java.util.regex.Pattern.compile("第 \\d+ 名")));
            assertThat(d.findElement(By.id("r-time")).getText()).matches("\\d+\\.\\d 秒");
        }
    }

    @Test
    void everyPageFitsAPhoneAndADesktopInBothLanguages() {
        PublicPages fixture = new PublicPages(api());
        for (int[] size : new int[][] {{390, 844}, {1280, 900}}) {
            try (Browser b = size[0] < 500 ? Browser.phone() : Browser.desktop(size[0], size[1])) {
                WebDriver d = b.driver();
                if (size[0] > 500) {
                    ((ChromeDriver) d).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                            Map.of("width", size[0], "height", size[1], "deviceScaleFactor", 1, "mobile", false));
                }
                d.get(api().base() + "/login");
                d.findElement(By.id("username")).sendKeys("admin");
                d.findElement(By.id("password")).sendKeys(App.ADMIN_PASSWORD);
                d.findElement(By.cssSelector("form button[type=submit]")).click();
                b.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/admin"));
                for (String lang : List.of("zh", "en")) {
                    for (PublicPages.Page p : fixture.pages()) {
                        d.get(api().base() + p.path() + (p.path().contains("?") ? "&" : "?") + "lang=" + lang);
                        String htmlLang = (String) ((JavascriptExecutor) d).executeScript("return document.documentElement.lang;");
                        assertThat(htmlLang).as(p.name()).isEqualTo(lang.equals("en") ? "en" : "zh-CN");
                        if (p.name().equals("draw-record")) { // the check in the browser speaks the page's language
                            b.waiting(Duration.ofSeconds(30)).until(ExpectedConditions.attributeContains(By.id("verify"),
                                    "class", "ok"));
                            assertThat(d.findElement(By.id("verify")).getText()).startsWith(lang.equals("en")
                                    ? "✔ Verified in your browser" : "✔ 本页已在您的浏览器中独立验证");
                        }
                        if (p.name().equals("draw-stage")) { // the stage reveals its first batch
                            b.waiting(Duration.ofSeconds(15)).until(ExpectedConditions.attributeToBe(By.id("stage"),
                                    "data-phase", "reveal"));
                            assertThat(d.findElement(By.id("state")).getText()).isEqualTo(lang.equals("en") ? "Sealed" : "已开奖");
                            sleep(1500);
                        }
                        b.screenshot("public-" + p.name() + "-" + lang + "-" + size[0]);
                        if (!p.name().startsWith("draw-stage")) { // the stage is a 16:9 screen, not a page to scroll
                            Object overflow = ((JavascriptExecutor) d).executeScript(
                                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                            assertThat(((Number) overflow).intValue()).as(p.name() + " " + lang + " " + size[0]
                                    + ": nothing wider than the screen").isLessThanOrEqualTo(0);
                            Object ranking = ((JavascriptExecutor) d).executeScript("var t = document.querySelector("
                                    + "'.rank-table'); return t ? t.parentNode.scrollWidth - t.parentNode.clientWidth : 0;");
                            assertThat(((Number) ranking).intValue()).as(p.name() + " " + lang + " " + size[0]
                                    + ": the ranking's accuracy and time on screen (name and unit wrap)")
                                    .isLessThanOrEqualTo(0);
                            Object awards = ((JavascriptExecutor) d).executeScript("var t = document.querySelector("
                                    + "'.award-table'); return t ? t.parentNode.scrollWidth - t.parentNode.clientWidth : 0;");
                            assertThat(((Number) awards).intValue()).as(p.name() + " " + lang + " " + size[0]
                                    + ": every unit's figures on screen (a card per unit on a phone)")
                                    .isLessThanOrEqualTo(0);
                        }
                    }
                }
            }
        }
    }

    private static String fieldError(WebDriver d, String field) {
        return d.findElement(By.cssSelector(".field-error[data-for=" + field + "]")).getText();
    }

    /** Clicks the unit in the list of the search for {@code query}, until it is chosen (the list may be drawn again). */
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

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
