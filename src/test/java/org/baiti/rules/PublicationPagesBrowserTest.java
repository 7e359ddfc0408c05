package org.baiti.rules;

import java.time.Duration;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules page (both languages) and the certificates page on a phone (390×844) and a desktop (1366×900): nothing
 * wider than the screen but the tables that scroll inside their frame; screenshots under target/screenshots.
 */
@EnabledIfBrowser
class PublicationPagesBrowserTest extends SqliteApp {

    @Test
    void rulesAndCertificatesFitPhoneAndDesktop() {
        Api admin = api().admin();
        long contest = Fixtures.contest(admin, Map.of("name", "2026 年全市森林草原防灭火知识竞赛", "orgQuota", 2));
        assertThat(admin.upload("/api/admin/contests/" + contest + "/units", "units.csv",
                Fixtures.csv(Fixtures.units())).status()).isEqualTo(200);
        for (int[] size : new int[][] {{390, 844}, {1366, 900}}) {
            try (Browser b = size[0] < 500 ? Browser.phone() : Browser.desktop(size[0], size[1])) {
                WebDriver d = b.driver();
                if (size[0] > 500) {
                    ((ChromeDriver) d).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                            Map.of("width", size[0], "height", size[1], "deviceScaleFactor", 1, "mobile", false));
                }
                ((ChromeDriver) d).executeCdpCommand("Network.enable", Map.of());
                ((ChromeDriver) d).executeCdpCommand("Network.setExtraHTTPHeaders",
                        Map.of("headers", Map.of("Accept-Language", "zh-CN")));
                d.get(api().base() + "/rules");
                assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("评奖与抽奖规则");
                assertNoOverflow(d);
                b.screenshot("rules-zh-" + size[0]);
                ((JavascriptExecutor) d).executeScript("document.getElementById('draw-example').scrollIntoView()");
                b.screenshot("rules-zh-example-" + size[0]);
                d.findElement(By.cssSelector(".lang-switch")).click();
                b.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.tagName("h1"),
                        "How awards and draws are decided"));
                assertNoOverflow(d);
                b.screenshot("rules-en-" + size[0]);

                d.get(api().base() + "/admin/contests/" + contest + "/certificates");
                d.findElement(By.id("username")).sendKeys("admin");
                d.findElement(By.id("password")).sendKeys(App.ADMIN_PASSWORD);
                d.findElement(By.cssSelector("form button[type=submit]")).click();
                b.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/admin"));
                d.get(api().base() + "/admin/contests/" + contest + "/certificates");
                assertThat(d.findElements(By.cssSelector(".certificate[data-kind=unit]"))).hasSize(2);
                b.screenshot("certificates-" + size[0]);
                ((JavascriptExecutor) d).executeScript("document.querySelector('.certificate').scrollIntoView()");
                b.screenshot("certificate-unit-" + size[0]);
            }
        }
    }

    private static void assertNoOverflow(WebDriver d) {
        Object overflow = ((JavascriptExecutor) d).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).as("no horizontal overflow").isLessThanOrEqualTo(0);
    }
}
