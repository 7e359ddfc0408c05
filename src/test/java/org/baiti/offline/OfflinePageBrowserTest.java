package org.baiti.offline;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.baiti.testing.App;
import org.baiti.testing.Browser;
import org.baiti.testing.EnabledIfBrowser;
import org.baiti.testing.Fixtures;
import org.baiti.testing.SqliteApp;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baiti.offline.OfflineFiles.row;
import static org.baiti.offline.OfflineFiles.rows;

/** An organizer imports a 20,000-row results file on the offline page and watches it run, in a real browser. */
@EnabledIfBrowser
class OfflinePageBrowserTest extends SqliteApp {

    static final int ROWS = 20_000;

    /** 20,000 rows over the fixture units; every seventh person answers all right. */
    static Path bigFile() throws Exception {
        String[] units = {"U1", "U1-1", "U1-1-1", "U2", "U2-1"};
        String[] answers = {OfflineFiles.PERFECT, "A|AC|对|B|对", "B|ACD|错|B|", "A|ACD|错|A|对", "|||B|对", "A|D|错|C|错",
                "C|ABCD|对|D|×"};
        StringBuilder sb = new StringBuilder("准考证号,姓名,手机号,单位编码,得分,答案,考场\r\n");
        for (int i = 0; i < ROWS; i++) {
            sb.append("B").append(100_000 + i).append(",参赛者").append(i).append(",1390").append(String.format("%07d", i))
                    .append(',').append(units[i % units.length]).append(",,").append(answers[i % answers.length])
                    .append(",第").append(i % 40 + 1).append("考场\r\n");
        }
        Path file = Files.createTempFile("offline-20000-", ".csv");
        Files.writeString(file, sb, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void organizerUploadsTwentyThousandRowsSeesTheProgressThenTheResultAndTheFigures() throws Exception {
        long id = OfflineFiles.contest(api().admin());
        Path big = bigFile();
        Path bad = Files.createTempFile("offline-bad-", ".csv");
        Files.write(bad, Fixtures.csv(rows(
                row("Z1", "张三", "13800000001", "U1", "3", "", ""),
                row("Z2", "李四", "999", "U1", "3", "", ""))));

        try (Browser b = Browser.desktop(1280, 1000)) {
            WebDriver d = b.driver();
            d.get(api().base() + "/admin/contests/" + id);
            d.findElement(By.id("username")).sendKeys("admin");
            d.findElement(By.id("password")).sendKeys(App.ADMIN_PASSWORD);
            d.findElement(By.cssSelector("form button[type=submit]")).click();
            b.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/admin"));
            d.get(api().base() + "/admin/contests/" + id);
            d.findElement(By.id("offline-link")).click();
            b.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/offline"));

            d.findElement(By.id("offline-file")).sendKeys(big.toString());
            d.findElement(By.cssSelector("form[action$='/offline'] button[type=submit]")).click();
            b.waiting(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("import-progress")));
            assertThat(d.findElement(By.id("import-bar")).getTagName()).isEqualTo("progress");
            b.screenshot("offline-import-progress");
            b.waiting(Duration.ofSeconds(120)).until(ExpectedConditions.visibilityOfElementLocated(By.id("import-result")));

            assertThat(d.findElement(By.id("import-result")).getText()).contains("导入成功").contains("共 20,000 行").contains("新增 20,000 行");
            assertThat(d.findElement(By.id("import-phase")).getText()).contains("完成");
            assertThat(d.findElement(By.id("offline-participants")).getText()).isEqualTo("20,000");
            assertThat(d.findElement(By.id("offline-perfect")).getText()).isEqualTo(String.format(java.util.Locale.ROOT, "%,d", (ROWS + 6) / 7));
            assertThat(d.findElement(By.id("offline-imports")).getText()).contains(big.getFileName().toString()).contains("admin");
            assertThat(d.findElement(By.id("offline-units")).getText()).contains("市教育局").contains("东城区");
            b.screenshot("offline-import");

            d.findElement(By.id("offline-file")).sendKeys(bad.toString());
            d.findElement(By.cssSelector("form[action$='/offline'] button[type=submit]")).click();
            b.waiting(Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(By.id("import-errors")));
            String errors = d.findElement(By.id("import-errors")).getText();
            assertThat(errors).contains("未导入").contains("手机号").contains("999");
            b.screenshot("offline-import-errors");
        }
        assertThat(api().admin().get("/api/admin/contests/" + id + "/offline-results/summary").json()
                .get("participants").asLong()).isEqualTo(ROWS);
    }
}
