package org.baiti.admin;

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

/** An organizer logs in, imports a unit tree and a broken bank through the pages, in a real browser. */
@EnabledIfBrowser
class AdminPagesBrowserTest extends SqliteApp {

    @Test
    void organizerImportsFilesThroughThePagesAndSeesEveryBadRow() throws Exception {
        long id = Fixtures.contest(api().admin(), 5);
        Path units = Files.createTempFile("units", ".csv");
        Files.write(units, Fixtures.gb18030(Fixtures.units()));
        Path bad = Files.createTempFile("bank", ".csv");
        var rows = new java.util.ArrayList<>(Fixtures.bank());
        rows.add(java.util.List.of("Q9", "填空", "x", "a", "b", "", "", "A", "1", "", ""));
        Files.write(bad, Fixtures.csv(rows));

        try (Browser b = Browser.desktop(1280, 900)) {
            WebDriver d = b.driver();
            d.get(api().base() + "/admin/contests/" + id);
            assertThat(d.getCurrentUrl()).contains("/login");
            d.findElement(By.id("username")).sendKeys("admin");
            d.findElement(By.id("password")).sendKeys(App.ADMIN_PASSWORD);
            d.findElement(By.cssSelector("form button[type=submit]")).click();
            b.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/admin"));
            d.get(api().base() + "/admin/contests/" + id);

            d.findElement(By.id("units")).sendKeys(units.toString());
            d.findElement(By.cssSelector("form[action$='/import/units'] button")).click();
            b.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice")));
            assertThat(d.findElement(By.cssSelector(".notice")).getText()).contains("导入成功").contains("5");

            d.findElement(By.id("bank")).sendKeys(bad.toString());
            d.findElement(By.cssSelector("form[action$='/import/bank'] button")).click();
            b.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".error")));
            String error = d.findElement(By.cssSelector(".error")).getText();
            assertThat(error).contains("未导入").contains("8").contains("题型");
            assertThat(d.findElements(By.cssSelector(".error th")).stream().map(e -> e.getText()).toList())
                    .as("a file's refusal names rows and columns").containsExactly("行", "列", "原因");
            b.screenshot("admin-import-error");
            assertThat(api().admin().get("/api/admin/contests/" + id + "/bank").json()).isEmpty();
            assertThat(api().admin().get("/api/admin/contests/" + id + "/units").json()).hasSize(5);
        }
    }
}
