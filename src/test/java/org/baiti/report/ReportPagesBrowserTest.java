package org.baiti.report;

import java.time.Duration;
import java.util.Map;

import org.baiti.testing.App;
import org.baiti.testing.Browser;
import org.baiti.testing.EnabledIfBrowser;
import org.baiti.testing.SqliteApp;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard, the awards page and the print views in a real browser; screenshots under target/screenshots. */
@EnabledIfBrowser
class ReportPagesBrowserTest extends SqliteApp implements AwardsScenario {

    @Test
    void dashboardChartsAndPrintViewsRenderWithMaskedPhones() throws InterruptedException {
        Scenario s = scenario();
        try (Browser b = Browser.desktop(1400, 1000)) {
            WebDriver d = b.driver();
            // The pages' language follows Accept-Language; headless Chromium sends en-US whatever --lang says.
            ((org.openqa.selenium.chrome.ChromeDriver) d).executeCdpCommand("Network.enable", Map.of());
            ((org.openqa.selenium.chrome.ChromeDriver) d).executeCdpCommand("Network.setExtraHTTPHeaders",
                    Map.of("headers", Map.of("Accept-Language", "zh-CN,zh;q=0.9")));
            d.get(api().base() + "/login");
            d.findElement(By.id("username")).sendKeys("admin");
            d.findElement(By.id("password")).sendKeys(App.ADMIN_PASSWORD);
            d.findElement(By.cssSelector("form button[type=submit]")).click();
            b.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/admin"));

            d.get(api().base() + "/admin/contests/" + s.id + "/dashboard");
            b.waiting(Duration.ofSeconds(20)).until(ExpectedConditions.attributeToBe(By.id("dashboard"), "data-ready", "true"));
            assertThat(d.findElements(By.cssSelector("#chart-units canvas"))).isNotEmpty();
            assertThat(d.findElements(By.cssSelector("#chart-questions canvas"))).isNotEmpty();
            assertThat(d.findElement(By.id("summary")).getText()).contains("600人次");
            b.screenshot("report-dashboard");

            d.get(api().base() + "/admin/contests/" + s.id + "/awards");
            assertThat(d.findElement(By.tagName("main")).getText()).contains("获奖").doesNotContain("Awarded").contains("****");
            b.screenshot("report-awards");

            d.get(api().base() + "/admin/contests/" + s.id + "/print/winners");
            String print = d.findElement(By.tagName("body")).getText();
            assertThat(print).contains("获奖名单").contains("优秀个人共 20 名");
            assertThat(AwardsScenario.FULL_PHONE.matcher(print).find()).isFalse();
            b.screenshot("report-print-winners");

            d.get(api().base() + "/admin/contests/" + s.id + "/certificates");
            assertThat(d.findElements(By.cssSelector(".certificate[data-kind=person]"))).hasSize(20);
            assertThat(d.findElements(By.cssSelector(".certificate[data-kind=unit]"))).hasSize(3);
            assertThat(AwardsScenario.FULL_PHONE.matcher(d.getPageSource()).find()).isFalse();
            b.screenshot("report-certificate");

            // The verification QR code of a printed certificate reads back as its public page.
            ((org.openqa.selenium.chrome.ChromeDriver) d).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 1400, "height", 1000, "deviceScaleFactor", 3, "mobile", false));
            for (String kind : java.util.List.of("unit", "person")) {
                org.openqa.selenium.WebElement cert = d.findElement(By.cssSelector(".certificate[data-kind=" + kind + "]"));
                ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", cert);
                // under load Chromium may take a while to draw at the new scale: read until a capture decodes
                String read = null;
                for (long end = System.nanoTime() + 10_000_000_000L; read == null; ) {
                    byte[] png = settledScreenshot(cert.findElement(By.cssSelector(".verify-qr svg")));
                    b.save("report-certificate-qr-" + kind, png);
                    try {
                        read = org.baiti.share.QrRead.decode(padded(png));
                    } catch (AssertionError e) {
                        if (System.nanoTime() > end) {
                            throw e;
                        }
                        Thread.sleep(200);
                    }
                }
                assertThat(read).isEqualTo(cert.getAttribute("data-verify"));
            }
        }
    }

    /**
     * The element's screenshot once two in a row are the same: right after the scale factor changes, Chromium may
     * still be laying the page out again, and a capture then shows the code half drawn.
     */
    private static byte[] settledScreenshot(org.openqa.selenium.WebElement element) {
        byte[] last = element.getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
        for (int i = 0; i < 10; i++) {
            byte[] next = element.getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
            if (java.util.Arrays.equals(last, next)) {
                return next;
            }
            last = next;
        }
        return last;
    }

    /** The screenshot with a white border, as a QR code printed on paper has around it. */
    private static java.awt.image.BufferedImage padded(byte[] png) {
        try {
            java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
            int pad = img.getWidth() / 4;
            java.awt.image.BufferedImage out = new java.awt.image.BufferedImage(img.getWidth() + 2 * pad,
                    img.getHeight() + 2 * pad, java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = out.createGraphics();
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.drawImage(img, pad, pad, null);
            g.dispose();
            return out;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
