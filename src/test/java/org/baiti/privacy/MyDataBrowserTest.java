package org.baiti.privacy;

import java.time.Duration;
import java.util.Map;

import org.baiti.testing.Api;
import org.baiti.testing.Browser;
import org.baiti.testing.EnabledIfBrowser;
import org.baiti.testing.Fixtures;
import org.baiti.testing.SqliteApp;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The "my personal data" page in a real browser: on the phone one answered with, the number alone shows one's data. */
@EnabledIfBrowser
class MyDataBrowserTest extends SqliteApp {

    @Test
    void onThePhoneOneAnsweredWithTheNumberShowsOnesOwnDataAndAnotherNumberNothing() {
        Api admin = api().admin();
        long id = Fixtures.contest(admin, 5);
        admin.upload("/api/admin/contests/" + id + "/units", "units.csv", Fixtures.csv(Fixtures.units()));
        admin.upload("/api/admin/contests/" + id + "/bank", "bank.csv", Fixtures.csv(Fixtures.bank()));
        JsonNode mine = api().postJson("/api/contests/" + id + "/attempts",
                Map.of("name", "欧阳娜娜", "phone", "13911112222", "unit", "U1-1", "consent", true)).json();
        api().postJson("/api/contests/" + id + "/attempts",
                Map.of("name", "另一个人", "phone", "13911113333", "unit", "U2", "consent", true));

        try (Browser b = Browser.phone()) {
            WebDriver d = b.driver();
            WebDriverWait wait = b.waiting(Duration.ofSeconds(30));
            d.get(api().base() + "/c/" + id + "/my-data");
            // what the answer page keeps in this browser after a start
            ((JavascriptExecutor) d).executeScript("localStorage.setItem(arguments[0], arguments[1]);",
                    "baiti.attempt." + id, "{\"attemptId\":\"" + mine.get("attemptId").asString() + "\",\"token\":\""
                            + mine.get("token").asString() + "\"}");
            d.findElement(By.id("md-phone")).sendKeys("13911112222");
            d.findElement(By.id("md-submit")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("md-view")));
            String shown = d.findElement(By.id("md-view")).getText();
            assertThat(shown).contains("13911112222").contains("欧阳娜娜").contains("第一中学").contains("127.0.0.1")
                    .doesNotContain("另一个人");
            b.screenshot("privacy-my-data");

            d.findElement(By.id("md-phone")).clear();
            d.findElement(By.id("md-phone")).sendKeys("13911113333");
            d.findElement(By.id("md-submit")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("md-error")));
            assertThat(d.findElement(By.id("md-result")).isDisplayed()).isFalse();
            assertThat(d.getPageSource()).doesNotContain("另一个人");
        }
    }
}
