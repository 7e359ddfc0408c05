package org.baiti.admin;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.baiti.testing.Api;
import org.baiti.testing.Fixtures;
import org.baiti.testing.SqliteApp;
import org.baiti.testing.WebSession;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks from {@code /admin} by the links of the pages alone (parsed from the HTML, logged in as the administrator)
 * and finds every staff page of a contest within three clicks, each with the contest menu and the contest's state.
 */
class AdminLinkWalkSqliteTest extends SqliteApp {

    private static final Pattern HREF = Pattern.compile("href=\"([^\"#]+)\"");

    /** Pages issue 17's other branch adds (QR code and poster, the rules page): linked here, built there. */

    @Test
    void everyStaffPageOfAContestIsAtMostThreeClicksFromAdmin() {
        Api admin = api().admin();
        long id = Fixtures.contest(admin, Map.of("name", "导航测试竞赛"));
        assertThat(admin.upload("/api/admin/contests/" + id + "/units", "units.csv", Fixtures.csv(Fixtures.units())).status()).isEqualTo(200);
        assertThat(admin.upload("/api/admin/contests/" + id + "/bank", "bank.csv", Fixtures.csv(Fixtures.bank())).status()).isEqualTo(200);
        assertThat(admin.upload("/api/admin/contests/" + id + "/offline-results", "offline.csv", Fixtures.csv(List.of(
                List.of("准考证号", "姓名", "手机号", "单位编码", "得分"),
                List.of("T1", "张三", "13800000001", "U1", "6"),
                List.of("T2", "李四", "13800000002", "U2", "6")))).status()).isEqualTo(200);
        assertThat(admin.postJson("/api/admin/contests/" + id + "/draws", Map.of("name", "抽奖", "k", 1,
                "pool", "offline-perfect", "seedSources", "现场掷骰")).status()).isEqualTo(201);

        WebSession web = new WebSession(api());
        assertThat(web.login("admin", ADMIN_PASSWORD).status()).isEqualTo(302);

        // breadth first: the fewest clicks to each page
        Map<String, Integer> clicks = new LinkedHashMap<>();
        Map<String, WebSession.Page> pages = new HashMap<>();
        ArrayDeque<String> todo = new ArrayDeque<>(List.of("/admin"));
        clicks.put("/admin", 0);
        while (!todo.isEmpty()) {
            String path = todo.poll();
            WebSession.Page page = web.get(path);
            pages.put(path, page);
            int depth = clicks.get(path);
            if (page.status() != 200 || depth == 3 || !String.valueOf(page.header("Content-Type")).startsWith("text/html")) {
                continue;
            }
            Matcher m = HREF.matcher(page.body());
            while (m.find()) {
                String link = m.group(1).replace("&amp;", "&");
                if (followed(link) && !clicks.containsKey(link)) {
                    clicks.put(link, depth + 1);
                    todo.add(link);
                }
            }
        }

        String c = "/admin/contests/" + id;
        List<String> staffPages = List.of(c, c + "/edit", c + "/bank", c + "/units", c + "/offline", c + "/draws",
                c + "/attention", c + "/awards", c + "/dashboard", c + "/participants", c + "/review",
                c + "/print/winners", c + "/certificates", c + "/share", "/admin/accounts", "/admin/audit", "/rules");
        for (String p : staffPages) {
            assertThat(clicks).as("reached by links: " + p).containsKey(p);
            assertThat(clicks.get(p)).as("clicks to " + p).isLessThanOrEqualTo(3);
            int status = pages.get(p).status();
            assertThat(status).as(p).isEqualTo(200);
        }
        for (String p : staffPages) {
            if (p.startsWith(c) && pages.get(p).status() == 200) {
                String html = pages.get(p).body();
                assertThat(html).as("menu on " + p).contains("class=\"contest-menu\"").contains("data-menu=\"awards\"");
                assertThat(html).as("state on " + p).contains("id=\"contest-state\"").contains("data-state=\"OPEN\"");
                assertThat(html).as("breadcrumbs on " + p).contains("class=\"crumbs\"");
            }
        }
        pages.forEach((path, page) -> assertThat(page.status()).as("failed: " + path).isEqualTo(200));
    }

    /** Pages of the site, not downloads, data or the logout. */
    private static boolean followed(String link) {
        return (link.startsWith("/admin") || link.equals("/rules")) && !link.contains("/exports/")
                && !link.endsWith(".json") && !link.contains(".json?") && !link.startsWith("/logout");
    }
}
