package org.baiti.draw;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.baiti.testing.Api;
import org.baiti.testing.App;
import org.baiti.testing.Browser;
import org.baiti.testing.EnabledIfBrowser;
import org.baiti.testing.Fixtures;
import org.baiti.testing.SqliteApp;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import org.baiti.verify.VerifyDraw;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The draw's pages in a real headless Chromium: the stage screen before and during the reveal (1920×1080), the public
 * record checking the winners with the browser's own SHA-256, and the organizer's draw page.
 */
@EnabledIfBrowser
class DrawPagesBrowserTest extends SqliteApp {

    @Autowired
    JdbcTemplate jdbc;

    private long contestWithOfflineResults(Api admin, int rows) {
        long contest = Fixtures.contest(admin, Map.of("name", "2026 年森林草原防灭火知识竞赛", "drawQuota", 140));
        assertThat(admin.upload("/api/admin/contests/" + contest + "/units", "units.csv",
                Fixtures.csv(Fixtures.units())).status()).isEqualTo(200);
        OfflineRows.insert(jdbc, contest, OfflineRows.rows("2026", rows, 3));
        return contest;
    }

    @Test
    void theStageShowsTheCommitmentThenRevealsTheWinnersTierByTierAndTheRecordVerifiesInTheBrowser() {
        Api admin = api().admin();
        long contest = contestWithOfflineResults(admin, 600);
        Api.Response commit = admin.postJson("/api/admin/contests/" + contest + "/draws", Map.of(
                "name", "线下优秀个人抽奖", "k", 140, "pool", "offline-perfect",
                "seedSources", "北京时间 20:00 的上证指数收盘点位 + 现场掷骰 3 次",
                "tiers", List.of(Map.of("name", "一等奖", "count", 10), Map.of("name", "二等奖", "count", 30),
                        Map.of("name", "三等奖", "count", 100))));
        assertThat(commit.status()).as(commit.body()).isEqualTo(201);
        long id = commit.json().get("id").asLong();
        String digest = commit.json().get("poolDigest").asString();

        JsonNode record;
        try (Browser b = Browser.desktop(1920, 1080)) {
            WebDriver d = viewport(b, 1920, 1080);
            d.get(api().base() + "/draws/" + id + "/stage");
            WebElement digestBox = d.findElement(By.id("digest"));
            assertThat(digestBox.getText().replaceAll("\\s", "")).isEqualTo(digest);
            assertThat(d.findElement(By.id("state")).getText()).contains("等待开奖");
            assertThat(d.findElement(By.cssSelector(".figure .value")).getText()).isEqualTo("400");
            assertThat(px(digestBox.getCssValue("font-size"))).as("digest readable from afar").isGreaterThanOrEqualTo(40);
            assertNoOverflow(d);
            b.waiting(Duration.ofSeconds(10)).until(dr -> (Boolean) ((JavascriptExecutor) dr).executeScript(
                    "var i = document.querySelector('.qr img'); return i.complete && i.naturalWidth > 0;"));
            b.screenshot("draw-stage-before");

            Api.Response reveal = admin.postJson("/api/admin/draws/" + id + "/reveal",
                    Map.of("seed", List.of("3089.26", "4 2 6")));
            assertThat(reveal.status()).as(reveal.body()).isEqualTo(200);
            record = reveal.json();

            b.waiting(Duration.ofSeconds(15)).until(ExpectedConditions.attributeToBe(By.id("stage"), "data-phase", "reveal"));
            b.waiting(Duration.ofSeconds(5)).until(dr -> dr.findElements(By.cssSelector(".card-w")).size() == 10);
            sleep(1500); // mid-animation: the first cards are in, the last still coming
            b.screenshot("draw-stage-during");
            assertThat(d.findElement(By.cssSelector(".tier-title h2")).getText()).isEqualTo("一等奖");
            List<WebElement> tickets = d.findElements(By.cssSelector(".card-w .ticket"));
            assertThat(tickets.get(0).getText()).isEqualTo(record.get("winners").get(0).asString());
            assertThat(px(tickets.get(0).getCssValue("font-size"))).as("tickets readable from afar").isGreaterThanOrEqualTo(40);
            assertThat(px(d.findElement(By.cssSelector(".card-w .who")).getCssValue("font-size"))).isGreaterThanOrEqualTo(48);
            assertThat(d.findElement(By.id("seedline")).getText()).contains("3089.26").contains(record.get("seedDigest").asString());
            assertNoOverflow(d);
            sleep(2500); // every card in place
            assertThat(((JavascriptExecutor) d).executeScript("""
                    var main = document.querySelector('.stage-main').getBoundingClientRect();
                    return Array.from(document.querySelectorAll('.card-w')).every(function (c) {
                      var r = c.getBoundingClientRect();
                      var t = c.querySelector('.ticket');
                      return r.bottom <= main.bottom + 1 && r.right <= main.right + 1 && t.scrollWidth <= t.clientWidth;
                    });""")).as("ten winners fit on the screen, tickets not cut").isEqualTo(true);

            new Actions(d).sendKeys(Keys.ARROW_RIGHT).perform();
            b.waiting(Duration.ofSeconds(5)).until(ExpectedConditions.attributeToBe(By.id("stage"), "data-step", "1"));
            // the new cards fade in: their text is visible (and readable to WebDriver) once the animation starts
            b.waiting(Duration.ofSeconds(5)).until(ExpectedConditions.textToBe(By.cssSelector(".card-w .place"), "#11"));
            assertThat(d.findElement(By.cssSelector(".tier-title h2")).getText()).isEqualTo("二等奖");
            assertThat(d.findElement(By.cssSelector(".card-w .ticket")).getText())
                    .isEqualTo(record.get("winners").get(10).asString());
        }

        try (Browser b = Browser.desktop(1280, 900)) {
            WebDriver d = viewport(b, 1280, 900);
            d.get(api().base() + "/draws/" + id);
            WebElement verify = d.findElement(By.id("verify"));
            b.waiting(Duration.ofSeconds(30)).until(dr -> !verify.getAttribute("class").contains("pending"));
            assertThat(verify.getAttribute("class")).contains("ok");
            assertThat(verify.getText()).contains("✔").contains("本页已在您的浏览器中独立验证").contains("140")
                    .doesNotContain("verified in your browser");
            assertThat(d.findElement(By.id("pool-digest")).getText()).isEqualTo(digest);
            b.screenshot("draw-record");

            // The same check on altered records: one winner, one pool key, one seed string.
            JavascriptExecutor js = (JavascriptExecutor) d;
            Map<?, ?> winner = check(js, "var o = r.pool.map(function (e) { return e.key; })"
                    + ".find(function (k) { return r.winners.indexOf(k) < 0; }); r.winners[3] = o;");
            assertThat(winner.get("verified")).isEqualTo(false);
            assertThat(winner.get("messages").toString()).contains("中奖名单第 4 位不符").doesNotContain("抽奖池摘要");
            assertThat(winner.get("text").toString()).contains("✘").contains("与记录不一致");
            assertThat(verify.getAttribute("class")).contains("bad");
            b.screenshot("draw-record-mismatch");

            Map<?, ?> pool = check(js, "r.pool[5].key = r.pool[5].key + 'x';");
            assertThat(pool.get("verified")).isEqualTo(false);
            assertThat(pool.get("messages").toString()).contains("抽奖池摘要不符");
            Map<?, ?> seed = check(js, "r.seed[1] = '4 2 5';");
            assertThat(seed.get("messages").toString()).contains("种子摘要不符").contains("中奖名单第");
            Map<?, ?> untouched = check(js, "");
            assertThat(untouched.get("verified")).as("the unaltered copy verifies again").isEqualTo(true);

            // Find my ticket, answered in the page from the fetched pool.
            String third = record.get("winners").get(2).asString();
            findTicket(d, third);
            assertThat(d.findElement(By.id("find-result")).getText()).contains("在抽奖池中")
                    .contains("第 3 位中奖").contains("一等奖");
            findTicket(d, "nobody-0000");
            assertThat(d.findElement(By.id("find-result")).getText()).contains("不在抽奖池中");
            List<String> winners = new ArrayList<>();
            d.findElements(By.cssSelector("table.winners td:nth-child(2)")).forEach(e -> winners.add(e.getText()));
            assertThat(winners).hasSize(140).startsWith(record.get("winners").get(0).asString());
        }

        try (Browser b = Browser.phone()) {
            WebDriver d = b.driver();
            d.get(api().base() + "/draws/" + id);
            WebElement verify = d.findElement(By.id("verify"));
            b.waiting(Duration.ofSeconds(30)).until(dr -> verify.getAttribute("class").contains("ok"));
            assertNoOverflow(d);
            b.screenshot("draw-record-phone");
        }
    }

    @Test
    void theOrganizerCommitsAndRevealsThroughTheDrawPage() {
        Api admin = api().admin();
        long contest = contestWithOfflineResults(admin, 60);
        try (Browser b = Browser.desktop(1280, 1000)) {
            WebDriver d = b.driver();
            d.get(api().base() + "/admin/contests/" + contest + "/draws");
            d.findElement(By.id("username")).sendKeys("admin");
            d.findElement(By.id("password")).sendKeys(App.ADMIN_PASSWORD);
            d.findElement(By.cssSelector("form button[type=submit]")).click();
            b.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/admin"));
            d.get(api().base() + "/admin/contests/" + contest + "/draws");
            assertThat(d.findElement(By.id("pool-size")).getText()).isEqualTo("40");
            assertThat(d.findElement(By.id("draw-k")).getAttribute("value")).as("the contest's draw quota").isEqualTo("140");

            // k above the pool size: refused, with the reason.
            d.findElement(By.id("draw-sources")).sendKeys("现场掷骰 3 次");
            d.findElement(By.id("commit-confirm")).click(); // a commit cannot be undone: confirmed on the page
            d.findElement(By.cssSelector("#commit-form button")).click();
            b.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".error")));
            assertThat(d.findElement(By.cssSelector(".error")).getText()).contains("抽奖设置有误").contains("40");

            WebElement k = d.findElement(By.id("draw-k"));
            k.clear();
            k.sendKeys("6");
            d.findElement(By.id("draw-tiers")).sendKeys("一等奖:1，二等奖：2, 三等奖:3");
            assertThat(d.findElement(By.id("draw-sources")).getAttribute("value")).as("kept after the error")
                    .isEqualTo("现场掷骰 3 次");
            d.findElement(By.id("commit-confirm")).click();
            d.findElement(By.cssSelector("#commit-form button")).click();
            b.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice")));
            assertThat(d.findElement(By.cssSelector(".notice")).getText()).contains("n = 40").contains("k = 6");

            JsonNode draws = api().get("/api/contests/" + contest + "/draws").json();
            assertThat(draws).hasSize(1);
            long id = draws.get(0).get("id").asLong();
            assertThat(draws.get(0).get("tiers").get(1).get("name").asString()).isEqualTo("二等奖");
            assertThat(draws.get(0).get("tiers").get(2).get("count").asInt()).isEqualTo(3);

            d.findElement(By.id("seed-" + id)).sendKeys("  3089.26  \n\n4 2 6\n");
            d.findElement(By.cssSelector(".reveal-form input[name=confirm]")).click();
            d.findElement(By.id("reveal-name-" + id)).sendKeys("2026 年森林草原防灭火知识竞赛");
            b.screenshot("draw-admin");
            d.findElement(By.cssSelector(".reveal-form button")).click();
            b.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice")));
            assertThat(d.findElement(By.cssSelector(".notice")).getText()).contains("已开奖并封存").contains("6");
            assertThat(d.findElements(By.cssSelector(".reveal-form"))).as("no reveal form on a sealed draw").isEmpty();

            JsonNode sealed = api().get("/api/draws/" + id).json();
            assertThat(sealed.get("status").asString()).isEqualTo("SEALED");
            assertThat(sealed.get("seed").get(0).asString()).as("lines stripped, blank lines dropped").isEqualTo("3089.26");
            assertThat(sealed.get("seed")).hasSize(2);
            assertThat(VerifyDraw.problems(api().get("/api/draws/" + id).body())).isEmpty();
        }
    }

    /** Makes the page area exactly this size (a headless window's size includes its frame). */
    private static WebDriver viewport(Browser b, int width, int height) {
        ((ChromeDriver) b.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        return b.driver();
    }

    /** Runs the page's check on a copy of its record altered by {@code change} (JS working on {@code r}). */
    private static Map<?, ?> check(JavascriptExecutor js, String change) {
        Object out = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "var r = JSON.parse(JSON.stringify(BaitiDrawRecord.record()));" + change
                + "BaitiDrawRecord.check(r).then(function (res) { done({verified: res.verified,"
                + " messages: res.differences.map(function (x) { return x.message; }),"
                + " text: document.getElementById('verify').textContent}); },"
                + " function (e) { done({error: String(e)}); });");
        assertThat(out).isInstanceOf(Map.class);
        return (Map<?, ?>) out;
    }

    private static void findTicket(WebDriver d, String ticket) {
        WebElement input = d.findElement(By.id("ticket"));
        input.clear();
        input.sendKeys(ticket);
        d.findElement(By.cssSelector("#find-form button")).click();
    }

    private static void assertNoOverflow(WebDriver d) {
        Object overflow = ((JavascriptExecutor) d).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).as("no horizontal overflow").isLessThanOrEqualTo(0);
    }

    private static double px(String cssValue) {
        return Double.parseDouble(cssValue.replace("px", ""));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
