package org.baiti.draw;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.baiti.testing.Api;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stage screen paced by a presenter ({@code ?mode=presenter}): nothing moves on a timer; a key or a click reveals
 * the next batch after a short animation in which the tickets roll and land; long unit names stay whole on the cards.
 */
@EnabledIfBrowser
class StagePresenterBrowserTest extends SqliteApp {

    static final String LONG_UNIT = "东山县应急管理局森林草原防火指挥部办公室（第一中学初中部联络组）";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void thePresenterRevealsEachBatchByKeyOrClickAndUnitNamesStayReadable() throws Exception {
        Api admin = api().admin();
        long contest = Fixtures.contest(admin, Map.of("name", "2026 年森林草原防灭火知识竞赛", "drawQuota", 30));
        List<List<String>> units = new ArrayList<>(Fixtures.units());
        units.set(3, List.of("U1-1-1", LONG_UNIT, "U1-1", ""));
        assertThat(admin.upload("/api/admin/contests/" + contest + "/units", "units.csv", Fixtures.csv(units)).status())
                .isEqualTo(200);
        OfflineRows.insert(jdbc, contest, OfflineRows.rows("2026", 200, 3));
        Api.Response commit = admin.postJson("/api/admin/contests/" + contest + "/draws", Map.of(
                "name", "线下优秀个人抽奖", "k", 30, "pool", "offline-perfect", "seedSources", "现场掷骰 3 次",
                "tiers", List.of(Map.of("name", "一等奖", "count", 10), Map.of("name", "二等奖", "count", 20))));
        assertThat(commit.status()).as(commit.body()).isEqualTo(201);
        long id = commit.json().get("id").asLong();

        for (int[] size : new int[][] {{1920, 1080}, {1366, 900}, {390, 844}}) {
            boolean big = size[0] == 1920;
            try (Browser b = size[0] < 500 ? Browser.phone() : Browser.desktop(size[0], size[1])) {
                WebDriver d = b.driver();
                if (size[0] > 500) {
                    ((ChromeDriver) d).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                            Map.of("width", size[0], "height", size[1], "deviceScaleFactor", 1, "mobile", false));
                }
                ((ChromeDriver) d).executeCdpCommand("Network.enable", Map.of());
                ((ChromeDriver) d).executeCdpCommand("Network.setExtraHTTPHeaders",
                        Map.of("headers", Map.of("Accept-Language", "zh-CN")));
                d.get(api().base() + "/draws/" + id + "/stage?mode=presenter&interval=1");
                WebElement stage = d.findElement(By.id("stage"));
                assertThat(stage.getAttribute("data-mode")).isEqualTo("presenter");
                assertThat(d.findElement(By.id("mode-switch")).getAttribute("href")).doesNotContain("presenter");
                JsonNode record = null;
                if (big) {
                    Api.Response reveal = admin.postJson("/api/admin/draws/" + id + "/reveal",
                            Map.of("seed", List.of("3089.26", "4 2 6")));
                    assertThat(reveal.status()).as(reveal.body()).isEqualTo(200);
                }
                record = api().get("/api/draws/" + id).json();
                b.waiting(Duration.ofSeconds(15)).until(ExpectedConditions.attributeToBe(By.id("stage"), "data-phase", "ready"));
                assertThat(d.findElement(By.id("reveal")).getText()).contains("一等奖").contains("揭晓第一批");
                Thread.sleep(2500); // longer than ?interval=1: in presenter mode nothing moves by itself
                assertThat(stage.getAttribute("data-step")).isEqualTo("-1");

                new Actions(d).sendKeys(Keys.ARROW_RIGHT).perform();
                b.waiting(Duration.ofSeconds(5)).until(ExpectedConditions.attributeToBe(By.id("stage"), "data-step", "0"));
                if (big) {
                    // Mid-animation the tickets are still rolling; then each lands on the drawn key.
                    assertThat(d.findElements(By.cssSelector(".card-w.rolling"))).isNotEmpty();
                }
                b.waiting(Duration.ofSeconds(5)).until(ExpectedConditions.attributeToBe(By.id("stage"), "data-revealed", "true"));
                List<WebElement> tickets = d.findElements(By.cssSelector(".card-w .ticket"));
                assertThat(tickets).hasSize(10);
                for (int i = 0; i < 10; i++) {
                    assertThat(tickets.get(i).getText()).isEqualTo(record.get("winners").get(i).asString());
                }
                b.screenshot("stage-presenter-" + size[0]);
                if (big) {
                    Object units2 = ((JavascriptExecutor) d).executeScript("""
                            return Array.from(document.querySelectorAll('.card-w .unit')).map(function (u) {
                              var card = u.parentNode.getBoundingClientRect();
                              var r = u.getBoundingClientRect();
                              return {text: u.textContent, size: parseFloat(getComputedStyle(u).fontSize),
                                      fits: u.scrollWidth <= u.clientWidth + 1 && u.scrollHeight <= u.clientHeight + 2
                                            && r.bottom <= card.bottom + 1,
                                      m: [u.scrollWidth, u.clientWidth, u.scrollHeight, u.clientHeight, r.bottom, card.bottom].join(' ')};
                            });""");
                    List<?> lines = (List<?>) units2;
                    assertThat(lines).hasSize(10);
                    boolean sawLong = false;
                    for (Object o : lines) {
                        Map<?, ?> u = (Map<?, ?>) o;
                        assertThat(u.get("fits")).as("unit line not cut: " + u).isEqualTo(true);
                        assertThat(((Number) u.get("size")).doubleValue()).as("unit readable from afar").isGreaterThanOrEqualTo(18);
                        sawLong |= LONG_UNIT.equals(u.get("text"));
                    }
                    assertThat(sawLong).as("a winner from the long-named unit is on the first screen").isTrue();
                }

                // A click on the screen reveals the next batch; still no timer.
                d.findElement(By.id("reveal")).click();
                b.waiting(Duration.ofSeconds(5)).until(ExpectedConditions.attributeToBe(By.id("stage"), "data-step", "1"));
                b.waiting(Duration.ofSeconds(5)).until(ExpectedConditions.attributeToBe(By.id("stage"), "data-revealed", "true"));
                assertThat(d.findElement(By.cssSelector(".tier-title h2")).getText()).isEqualTo("二等奖");
                assertThat(d.findElement(By.cssSelector(".card-w .ticket")).getText())
                        .isEqualTo(record.get("winners").get(10).asString());
                Thread.sleep(2000);
                assertThat(stage.getAttribute("data-step")).isEqualTo("1");
                new Actions(d).sendKeys(Keys.ARROW_LEFT).perform();
                b.waiting(Duration.ofSeconds(5)).until(ExpectedConditions.attributeToBe(By.id("stage"), "data-step", "0"));
            }
        }
    }
}
