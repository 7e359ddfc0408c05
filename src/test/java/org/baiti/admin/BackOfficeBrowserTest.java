package org.baiti.admin;

import java.time.Duration;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The back office in a real Chromium: the draw commit, the reveal and the freeze refused without their confirmation
 * and done with it; the attention table saved at once; the account form's role and unit pickers; a coordinator's
 * view of its subtree on a phone. Screenshots of the pages at 390x844 and 1366x900 under target/screenshots.
 */
@EnabledIfBrowser
class BackOfficeBrowserTest extends SqliteApp {

    private long contestWithResults(Api admin, String name) {
        long id = Fixtures.contest(admin, Map.of("name", name));
        assertThat(admin.upload("/api/admin/contests/" + id + "/units", "units.csv", Fixtures.csv(Fixtures.units())).status()).isEqualTo(200);
        assertThat(admin.upload("/api/admin/contests/" + id + "/bank", "bank.csv", Fixtures.csv(Fixtures.bank())).status()).isEqualTo(200);
        assertThat(admin.upload("/api/admin/contests/" + id + "/offline-results", "offline.csv", Fixtures.csv(List.of(
                List.of("准考证号", "姓名", "手机号", "单位编码", "得分"),
                List.of("T1", "第一中学甲", "13800000001", "U1-1", "6"),
                List.of("T2", "初中部乙", "13800000002", "U1-1-1", "6"),
                List.of("T3", "东城丙", "13800000003", "U2-1", "6"),
                List.of("T4", "东城丁", "13800000004", "U2", "3")))).status()).isEqualTo(200);
        return id;
    }

    private void login(Browser b, String user, String password) {
        WebDriver d = b.driver();
        d.get(api().base() + "/login");
        d.findElement(By.id("username")).sendKeys(user);
        d.findElement(By.id("password")).sendKeys(password);
        d.findElement(By.cssSelector("form button[type=submit]")).click();
        b.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/admin"));
    }

    private static void clickAndWait(Browser b, WebElement button, String resultCss) {
        button.click();
        b.waiting(Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(resultCss)));
    }

    private static void noSidewaysScroll(WebDriver d) {
        Long overflow = (Long) ((JavascriptExecutor) d).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as("page wider than the screen").isLessThanOrEqualTo(0L);
    }

    @Test
    void commitRevealAndFreezeAreRefusedWithoutTheirConfirmationAndDoneWithIt() {
        Api admin = api().admin();
        long id = contestWithResults(admin, "浏览器确认竞赛");
        try (Browser b = Browser.desktop(1366, 900)) {
            WebDriver d = b.driver();
            login(b, "admin", App.ADMIN_PASSWORD);

            d.get(api().base() + "/admin/contests/" + id + "/draws");
            d.findElement(By.id("draw-k")).clear();
            d.findElement(By.id("draw-k")).sendKeys("2");
            d.findElement(By.id("draw-sources")).sendKeys("现场掷骰 3 次");
            assertThat(d.findElement(By.cssSelector("#commit-form .confirm-box")).getText()).contains("不能撤销");
            // the browser itself stops an unticked box; without that guard the server refuses too
            ((JavascriptExecutor) d).executeScript("document.getElementById('commit-confirm').removeAttribute('required');");
            clickAndWait(b, d.findElement(By.cssSelector("#commit-form button[type=submit]")), ".error");
            assertThat(d.findElement(By.cssSelector(".error")).getText()).contains("没有承诺");
            assertThat(api().get("/api/contests/" + id + "/draws").json()).isEmpty();
            assertThat(d.findElement(By.id("draw-sources")).getAttribute("value")).as("kept").isEqualTo("现场掷骰 3 次");

            d.findElement(By.id("commit-confirm")).click();
            clickAndWait(b, d.findElement(By.cssSelector("#commit-form button[type=submit]")), ".notice");
            assertThat(d.findElement(By.cssSelector(".notice")).getText()).contains("n = 3").contains("k = 2");
            long draw = api().get("/api/contests/" + id + "/draws").json().get(0).get("id").asLong();
            b.screenshot("backoffice-draws-1366");

            d.findElement(By.id("seed-" + draw)).sendKeys("3089.26\n4 2 6");
            d.findElement(By.cssSelector(".reveal-form input[name=confirm]")).click();
            d.findElement(By.id("reveal-name-" + draw)).sendKeys("别的竞赛");
            clickAndWait(b, d.findElement(By.cssSelector(".reveal-form button")), ".error");
            assertThat(d.findElement(By.cssSelector(".error")).getText()).contains("没有开奖");
            var record = api().get("/api/draws/" + draw).json();
            assertThat(record.path("revealedAt").isMissingNode() || record.path("revealedAt").isNull())
                    .as("not revealed: " + record).isTrue();

            d.findElement(By.id("seed-" + draw)).sendKeys("3089.26\n4 2 6");
            d.findElement(By.cssSelector(".reveal-form input[name=confirm]")).click();
            d.findElement(By.id("reveal-name-" + draw)).sendKeys("浏览器确认竞赛");
            clickAndWait(b, d.findElement(By.cssSelector(".reveal-form button")), ".notice");
            assertThat(d.findElement(By.cssSelector(".notice")).getText()).contains("已开奖并封存");

            d.get(api().base() + "/admin/contests/" + id + "/awards");
            assertThat(d.findElement(By.id("freeze-form")).getText()).contains("冻结不能撤销").contains("浏览器确认竞赛");
            d.findElement(By.id("freeze-confirm")).sendKeys("冻结");
            b.screenshot("backoffice-freeze-1366");
            clickAndWait(b, d.findElement(By.cssSelector("#freeze-form button")), ".error");
            assertThat(d.findElement(By.cssSelector(".error")).getText()).contains("没有冻结");
            assertThat(admin.get("/api/admin/contests/" + id).json().get("frozenAt")).isNull();
            assertThat(d.findElement(By.id("contest-state")).getAttribute("data-state")).isEqualTo("OPEN");

            d.findElement(By.id("freeze-confirm")).sendKeys("浏览器确认竞赛");
            clickAndWait(b, d.findElement(By.cssSelector("#freeze-form button")), ".notice");
            assertThat(d.findElement(By.cssSelector(".notice")).getText()).contains("已冻结");
            assertThat(d.findElement(By.id("contest-state")).getAttribute("data-state")).isEqualTo("FROZEN");
            assertThat(admin.get("/api/admin/contests/" + id).json().get("frozenAt")).isNotNull();
        }
    }

    @Test
    void theAttentionTableIsSavedAtOnceAndItsRowsStayInPlace() {
        long id = contestWithResults(api().admin(), "评分表竞赛");
        for (int[] size : new int[][] {{1366, 900}, {390, 844}}) {
            try (Browser b = size[0] < 500 ? Browser.phone() : Browser.desktop(size[0], size[1])) {
                WebDriver d = b.driver();
                login(b, "admin", App.ADMIN_PASSWORD);
                d.get(api().base() + "/admin/contests/" + id + "/attention");
                List<String> before = d.findElements(By.cssSelector("#attention-table tr[data-unit]")).stream()
                        .map(e -> e.getAttribute("data-unit")).toList();
                assertThat(before).containsExactly("U1", "U2");
                String u1 = size[0] < 500 ? "55" : "70";
                WebElement mark1 = d.findElement(By.name("mark:U1"));
                mark1.clear();
                mark1.sendKeys(u1);
                WebElement mark2 = d.findElement(By.name("mark:U2"));
                mark2.clear();
                mark2.sendKeys("95");
                clickAndWait(b, d.findElement(By.id("attention-save")), ".notice");
                assertThat(d.findElement(By.cssSelector(".notice")).getText()).contains("已保存组织评分");
                assertThat(d.findElements(By.cssSelector("#attention-table tr[data-unit]")).stream()
                        .map(e -> e.getAttribute("data-unit")).toList()).isEqualTo(before);
                assertThat(d.findElement(By.name("mark:U1")).getAttribute("value")).isEqualTo(u1);
                assertThat(d.findElement(By.name("mark:U2")).getAttribute("value")).isEqualTo("95");
                var units = api().admin().get("/api/admin/contests/" + id + "/units").json();
                for (var u : units) {
                    if (u.get("code").asString().equals("U1")) {
                        assertThat(u.get("attention").asInt()).isEqualTo(Integer.parseInt(u1));
                    }
                    if (u.get("code").asString().equals("U2")) {
                        assertThat(u.get("attention").asInt()).isEqualTo(95);
                    }
                }
                if (size[0] < 500) {
                    noSidewaysScroll(d);
                }
                b.screenshot("backoffice-attention-" + size[0]);
            }
        }
    }

    @Test
    void theAccountFormPicksTheRoleByNameAndTheUnitFromTheTree() {
        long id = contestWithResults(api().admin(), "账号竞赛");
        try (Browser b = Browser.desktop(1366, 900)) {
            WebDriver d = b.driver();
            login(b, "admin", App.ADMIN_PASSWORD);
            d.get(api().base() + "/admin/accounts");
            Select role = new Select(d.findElement(By.id("role")));
            assertThat(role.getFirstSelectedOption().getAttribute("value")).as("least powerful by default").isEqualTo("JUDGE");
            assertThat(role.getFirstSelectedOption().getText()).startsWith("评委");
            assertThat(d.findElement(By.id("coordinator-fields")).isDisplayed()).isFalse();
            role.selectByValue("COORDINATOR");
            assertThat(d.findElement(By.id("coordinator-fields")).isDisplayed()).isTrue();
            new Select(d.findElement(By.id("unitContest"))).selectByVisibleText("账号竞赛");
            b.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("unit-search")));
            d.findElement(By.id("unit-search")).sendKeys("初中");
            List<String> shown = d.findElements(By.cssSelector("#unit-tree button")).stream()
                    .map(e -> e.getAttribute("data-code")).toList();
            assertThat(shown).as("the match with the units above it").containsExactly("U1", "U1-1", "U1-1-1");
            d.findElement(By.cssSelector("#unit-tree button[data-code='U1-1-1']")).click();
            assertThat(d.findElement(By.id("unitCode")).getAttribute("value")).isEqualTo("U1-1-1");
            assertThat(d.findElement(By.id("unit-chosen")).getText()).contains("第一中学初中部");
            d.findElement(By.id("username")).sendKeys("chuzhong");
            d.findElement(By.id("password")).sendKeys("staff-password-1");
            b.screenshot("backoffice-accounts-1366");
            clickAndWait(b, d.findElement(By.cssSelector("#account-form button[type=submit]")), ".notice");
            var accounts = api().admin().get("/api/admin/accounts").json();
            boolean found = false;
            for (var a : accounts) {
                if (a.get("username").asString().equals("chuzhong")) {
                    found = true;
                    assertThat(a.get("role").asString()).isEqualTo("COORDINATOR");
                    assertThat(a.get("unitContest").asLong()).isEqualTo(id);
                    assertThat(a.get("unitCode").asString()).isEqualTo("U1-1-1");
                }
            }
            assertThat(found).isTrue();
            assertThat(d.findElement(By.cssSelector("tr[data-username='chuzhong']")).getText()).contains("单位联络员");
        }
    }

    @Test
    void aCoordinatorOnAPhoneReachesTheDashboardOfItsSubtreeByTheMenu() {
        Api admin = api().admin();
        long id = contestWithResults(admin, "手机联络员竞赛");
        assertThat(admin.postJson("/api/admin/accounts", Map.of("username", "yizhong", "role", "COORDINATOR",
                "password", "staff-password-1", "unitContest", id, "unitCode", "U1-1")).status()).isEqualTo(201);
        try (Browser b = Browser.phone()) {
            WebDriver d = b.driver();
            login(b, "yizhong", "staff-password-1");
            d.get(api().base() + "/admin");
            d.findElement(By.linkText("手机联络员竞赛")).click();
            List<String> menu = d.findElements(By.cssSelector(".contest-menu a")).stream()
                    .map(e -> e.getAttribute("data-menu")).toList();
            assertThat(menu).contains("overview", "units", "offline", "dashboard", "participants")
                    .doesNotContain("awards", "bank", "draws", "review", "print", "certificates", "settings");
            noSidewaysScroll(d);
            b.screenshot("backoffice-coordinator-overview-390");
            d.findElement(By.cssSelector(".contest-menu a[data-menu=dashboard]")).click();
            b.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("unit-lines")));
            String lines = d.findElement(By.id("unit-lines")).getText();
            assertThat(lines).contains("第一中学").contains("第一中学初中部").doesNotContain("东城区").doesNotContain("市教育局");
            assertThat(d.findElement(By.id("unit-people")).getText()).isEqualTo("2");
            noSidewaysScroll(d);
            b.screenshot("backoffice-coordinator-dashboard-390");
            d.findElement(By.cssSelector(".contest-menu a[data-menu=participants]")).click();
            String people = d.findElement(By.id("participants")).getText();
            assertThat(people).contains("第一中学甲").contains("初中部乙").contains("138****0002").doesNotContain("东城");
            b.screenshot("backoffice-coordinator-participants-390");
        }
    }

    @Test
    void theNewPagesAtPhoneAndDesktopSize() {
        Api admin = api().admin();
        long id = contestWithResults(admin, "截图竞赛");
        for (boolean phone : new boolean[] {true, false}) {
            try (Browser b = phone ? Browser.phone() : Browser.desktop(1366, 900)) {
                WebDriver d = b.driver();
                login(b, "admin", App.ADMIN_PASSWORD);
                String size = phone ? "390" : "1366";
                for (String[] p : new String[][] {{"", "contests"}, {"/contests/" + id, "overview"},
                        {"/contests/" + id + "/edit", "settings"}, {"/contests/" + id + "/participants", "participants"},
                        {"/contests/" + id + "/awards", "awards"}, {"/contests/" + id + "/draws", "draws"},
                        {"/accounts", "accounts"}}) {
                    d.get(api().base() + "/admin" + p[0]);
                    if (!p[1].equals("contests") && !p[1].equals("accounts")) {
                        assertThat(d.findElement(By.id("contest-state")).getText()).isEqualTo("进行中");
                        assertThat(d.findElement(By.cssSelector(".contest-menu a.current")).getAttribute("data-menu"))
                                .isEqualTo(p[1]);
                    }
                    if (phone) {
                        noSidewaysScroll(d);
                    }
                    b.screenshot("backoffice-" + p[1] + "-" + size);
                }
                assertThat(d.getPageSource()).doesNotContain("13800000001");
            }
        }
    }
}
