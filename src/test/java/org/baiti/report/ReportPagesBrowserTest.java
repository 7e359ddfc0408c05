package org.baiti.report;

import java.time.Duration;

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
    void dashboardChartsAndPrintViewsRenderWithMaskedPhones() {
        Scenario s = scenario();
        try (Browser b = Browser.desktop(1400, 1000)) {
            WebDriver d = b.driver();
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
            assertThat(d.findElement(By.tagName("main")).getText()).contains("获奖 Awarded").contains("****");
            b.screenshot("report-awards");

            d.get(api().base() + "/admin/contests/" + s.id + "/print/winners");
            String print = d.findElement(By.tagName("body")).getText();
            assertThat(print).contains("获奖名单").contains("优秀个人共 20 名");
            assertThat(AwardsScenario.FULL_PHONE.matcher(print).find()).isFalse();
            b.screenshot("report-print-winners");

            d.get(api().base() + "/admin/contests/" + s.id + "/certificates");
            assertThat(d.findElements(By.cssSelector(".certificate"))).hasSize(20);
            assertThat(AwardsScenario.FULL_PHONE.matcher(d.getPageSource()).find()).isFalse();
            b.screenshot("report-certificate");
        }
    }
}
