package org.baiti.rules;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.baiti.draw.AlgorithmRun;
import org.baiti.orgaward.OrgAwardFormula;
import org.baiti.testing.Api;
import org.baiti.testing.Fixtures;
import org.baiti.testing.SqliteApp;
import org.baiti.testing.WebSession;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public rules page: one language per page (Chinese by default, English by Accept-Language or ?lang=en), the
 * worked examples equal to what the product's code computes, docs/rules.md showing the same numbers, and the
 * offline results sample importing cleanly into the demo bank and units.
 */
class RulesPageTest extends SqliteApp {

    private static final AlgorithmRun.Result DRAW = AlgorithmRun.draw(RulesExample.POOL, RulesExample.K, RulesExample.SEED);

    @Test
    void theRulesAreInChineseByDefault() {
        WebSession.Page page = new WebSession(api()).get("/rules");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("lang=\"zh-CN\"").contains("评奖与抽奖规则").contains("线上排名")
                .contains("正确率高者在前").contains("uniform(m)").contains("优秀组织单位").contains("导入文件格式")
                .doesNotContain("How awards and draws are decided").doesNotContain("Online ranking");
        assertThat(page.header("Content-Language")).isEqualTo("zh-CN");
    }

    @Test
    void theRulesAreInEnglishWhenTheBrowserAsksOrTheLinkSaysSo() {
        WebSession web = new WebSession(api());
        for (WebSession.Page page : List.of(web.get("/rules", Map.of("Accept-Language", "en-GB,en;q=0.9")),
                web.get("/rules?lang=en", Map.of("Accept-Language", "zh-CN")))) {
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("lang=\"en\"").contains("How awards and draws are decided")
                    .contains("accuracy, higher first").contains("Organization awards").contains("Import file formats")
                    .doesNotContain("评奖与抽奖规则").doesNotContain("正确率高者在前");
        }
        assertThat(web.get("/rules?lang=zh", Map.of("Accept-Language", "en")).body()).contains("评奖与抽奖规则");
    }

    @Test
    void theWorkedDrawExampleIsWhatTheDrawAlgorithmComputes() {
        RulesExample.DrawExample example = RulesExample.draw();
        assertThat(example.poolDigest()).isEqualTo(DRAW.poolDigestHex());
        assertThat(example.seedDigest()).isEqualTo(DRAW.seedDigestHex());
        assertThat(example.winners()).isEqualTo(DRAW.winners());
        assertThat(example.steps()).hasSize(RulesExample.K);
        assertThat(example.steps().get(RulesExample.K - 1).after().subList(0, RulesExample.K)).isEqualTo(DRAW.winners());

        for (String lang : List.of("zh", "en")) {
            String body = new WebSession(api()).get("/rules?lang=" + lang).body();
            assertThat(body).contains(DRAW.poolDigestHex()).contains(DRAW.seedDigestHex())
                    .contains(String.join(", ", DRAW.winners()));
            for (String key : DRAW.sortedPool()) {
                assertThat(body).contains(key);
            }
        }
    }

    @Test
    void docsRulesMdShowsTheSameNumbersAsTheCode() throws Exception {
        String md = Files.readString(Path.of("docs", "rules.md"), StandardCharsets.UTF_8);
        assertThat(md).contains("## 中文").contains("## English");
        // Both sections carry the worked examples.
        for (String section : md.split("## English")) {
            assertThat(section).contains(DRAW.poolDigestHex()).contains(DRAW.seedDigestHex())
                    .contains(String.join(", ", DRAW.winners()));
            for (RulesExample.Step st : RulesExample.draw().steps()) {
                for (RulesExample.Draw u : st.numbers()) {
                    assertThat(section).contains(u.hex());
                }
            }
            for (OrgAwardFormula.Line l : RulesExample.org()) {
                assertThat(section).contains(String.format("%.4f", l.score()));
            }
        }
    }

    @Test
    void theReadmeAndDocsPointToNothingOutsideTheRepository() throws Exception {
        List<Path> files;
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            files = Stream.concat(Stream.of(Path.of("README.md")), docs.filter(p -> p.toString().endsWith(".md"))).toList();
        }
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            assertThat(text).as(f.toString()).doesNotContain("../shared").doesNotContain("/work/shared");
        }
        assertThat(Files.readString(Path.of("README.md"), StandardCharsets.UTF_8)).contains("docs/rules.md").contains("/rules");
    }

    @Test
    void theOfflineSampleIsServedAndImportsIntoTheDemoBankAndUnits() throws Exception {
        Api admin = api().admin();
        long contest = Fixtures.contest(admin, Map.of("name", "样例导入", "questionsPerPaper", 20));
        byte[] units = Files.readAllBytes(Path.of("src/main/resources/demo/units.csv"));
        byte[] bank = Files.readAllBytes(Path.of("src/main/resources/demo/bank.csv"));
        assertThat(admin.upload("/api/admin/contests/" + contest + "/units", "units.csv", units).status()).isEqualTo(200);
        assertThat(admin.upload("/api/admin/contests/" + contest + "/bank", "bank.csv", bank).status()).isEqualTo(200);

        byte[] sample = api().getBytes("/rules/offline-results-sample.csv");
        assertThat(sample).isEqualTo(Files.readAllBytes(Path.of("src/main/resources/demo/offline-results.csv")));
        Api.Response imported = admin.upload("/api/admin/contests/" + contest + "/offline-results", "offline-results.csv",
                sample);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("imported").asInt()).isEqualTo(7);
        var summary = admin.get("/api/admin/contests/" + contest + "/offline-results/summary").json();
        assertThat(summary.get("participants").asInt()).isEqualTo(7);
        // 2026-A0001 (score 20), A0002 (all answers right), B0001 (score 20 and the same answers) are perfect.
        assertThat(summary.get("perfect").asInt()).isEqualTo(3);
    }
}
