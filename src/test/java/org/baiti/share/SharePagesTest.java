package org.baiti.share;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.baiti.testing.Api;
import org.baiti.testing.App;
import org.baiti.testing.Browser;
import org.baiti.testing.EnabledIfBrowser;
import org.baiti.testing.Fixtures;
import org.baiti.testing.SqliteApp;
import org.baiti.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The share page of a contest: the QR code and the A4 poster (PNG and PDF) carry the participant link, built by
 * PublicLinks from the address the site answers on; read back with ZXing and PDFBox; downloaded by a real browser.
 */
class SharePagesTest extends SqliteApp {

    private long contest() {
        return Fixtures.contest(api().admin(), Map.of("name", "2026 年全市森林草原防灭火知识竞赛（第二届）"));
    }

    private WebSession staff() {
        WebSession s = new WebSession(api());
        assertThat(s.login("admin", App.ADMIN_PASSWORD).status()).isEqualTo(302);
        return s;
    }

    @Test
    void thePosterPngIsAnA4ImageWhoseQrCodeIsTheParticipantLink() throws Exception {
        long id = contest();
        WebSession s = staff();
        String link = api().base() + "/c/" + id;

        WebSession.Page page = s.get("/admin/contests/" + id + "/share");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(link).contains("分享答题链接").contains("poster.pdf").doesNotContain("中文字体");

        WebSession.File png = s.getFile("/admin/contests/" + id + "/share/poster.png");
        assertThat(png.status()).isEqualTo(200);
        assertThat(png.header("Content-Type")).isEqualTo("image/png");
        assertThat(png.header("Content-Disposition")).contains("attachment").contains("poster.png");
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png.body()));
        assertThat(img.getWidth()).isEqualTo(1654);
        assertThat(img.getHeight()).isEqualTo(2339);
        assertThat(QrRead.decode(img)).isEqualTo(link);

        WebSession.File qr = s.getFile("/admin/contests/" + id + "/share/qr.png");
        assertThat(QrRead.decode(qr.body())).isEqualTo(link);
    }

    @Test
    void thePosterPdfIsOneA4PageThatShowsTheSameQrCode() throws Exception {
        long id = contest();
        WebSession.File pdf = staff().getFile("/admin/contests/" + id + "/share/poster.pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            PDRectangle box = doc.getPage(0).getMediaBox();
            assertThat(box.getWidth()).isCloseTo(PDRectangle.A4.getWidth(), org.assertj.core.data.Offset.offset(0.5f));
            assertThat(box.getHeight()).isCloseTo(PDRectangle.A4.getHeight(), org.assertj.core.data.Offset.offset(0.5f));
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("2026 年全市森林草原防灭火知识竞赛（第二届）");
            BufferedImage rendered = new PDFRenderer(doc).renderImageWithDPI(0, 100);
            assertThat(QrRead.decode(rendered)).isEqualTo(api().base() + "/c/" + id);
        }
    }

    @Test
    void sharingIsForStaffAndAnUnknownContestIsNotFound() {
        long id = contest();
        WebSession anonymous = new WebSession(api());
        WebSession.File anon = anonymous.getFile("/admin/contests/" + id + "/share/poster.png");
        assertThat(anon.status()).as("redirected to the login").isEqualTo(302);
        WebSession s = staff();
        assertThat(s.get("/admin/contests/999999/share").status()).isEqualTo(404);
        assertThat(s.getFile("/admin/contests/999999/share/poster.pdf").status()).isEqualTo(404);
    }

    @Test
    void theEnglishPosterIsDrawnInEnglish() {
        long id = contest();
        WebSession s = staff();
        WebSession.Page page = s.get("/admin/contests/" + id + "/share", Map.of("Accept-Language", "en"));
        assertThat(page.body()).contains("Share the contest").doesNotContain("分享答题链接");
    }

    @Test
    @EnabledIfBrowser
    void aBrowserDownloadsThePosterAndItsQrCodeOpensTheParticipantPage() throws Exception {
        long id = contest();
        Path downloads = Files.createTempDirectory("baiti-downloads-");
        for (int[] size : new int[][] {{1366, 900}, {390, 844}}) {
            try (Browser b = size[0] < 500 ? Browser.phone() : Browser.desktop(size[0], size[1])) {
                WebDriver d = b.driver();
                ((ChromeDriver) d).executeCdpCommand("Browser.setDownloadBehavior",
                        Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
                d.get(api().base() + "/admin/contests/" + id + "/share");
                d.findElement(By.id("username")).sendKeys("admin");
                d.findElement(By.id("password")).sendKeys(App.ADMIN_PASSWORD);
                d.findElement(By.cssSelector("form button[type=submit]")).click();
                b.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/admin"));
                d.get(api().base() + "/admin/contests/" + id + "/share");
                b.waiting(Duration.ofSeconds(20)).until(dr -> (Boolean) ((JavascriptExecutor) dr).executeScript(
                        "var i = document.getElementById('poster-preview'); return i.complete && i.naturalWidth > 0;"));
                assertThat(d.findElement(By.id("share-link")).getAttribute("value")).isEqualTo(api().base() + "/c/" + id);
                Object overflow = ((JavascriptExecutor) d).executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertThat(((Number) overflow).intValue()).as("no horizontal overflow").isLessThanOrEqualTo(0);
                b.screenshot("share-" + size[0]);
                if (size[0] > 500) {
                    d.findElement(By.id("download-poster-png")).click();
                    Path file = downloads.resolve("contest-" + id + "-poster.png");
                    b.waiting(Duration.ofSeconds(20)).until(dr -> Files.exists(file)
                            && !Files.exists(downloads.resolve("contest-" + id + "-poster.png.crdownload")));
                    String decoded = QrRead.decode(Files.readAllBytes(file));
                    assertThat(decoded).isEqualTo(api().base() + "/c/" + id);
                    Files.copy(file, Path.of("target", "screenshots", "poster.png"),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    // The link in the code opens the participant page of this contest.
                    d.get(decoded);
                    assertThat(d.getPageSource()).contains("2026 年全市森林草原防灭火知识竞赛（第二届）");
                }
            }
        }
    }
}
