package org.baiti.web;

import java.util.List;
import java.util.Map;

import org.assertj.core.api.SoftAssertions;
import org.baiti.testing.App;
import org.baiti.testing.SqliteApp;
import org.baiti.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of the participant and the public (and the share page of the staff) in one language: Chinese for a
 * browser that asks for Chinese, English for one that asks for English, with no word of the other language outside
 * the imported data (names, units, questions, contest and draw names); {@code <html lang>} says which; the language
 * switch leads to the other language, and the cookie it sets keeps that language on the next page.
 */
// its own application and database: the pages must show only this test's data (other tests name contests in both languages)
@TestPropertySource(properties = "baiti.test.own-database=PublicPagesLanguageSqliteTest")
class PublicPagesLanguageSqliteTest extends SqliteApp {

    @Test
    void everyPublicPageShowsOneLanguageAndItsSwitchLeadsToTheOtherWhichTheNextPageKeeps() {
        PublicPages fixture = new PublicPages(api());
        SoftAssertions soft = new SoftAssertions();
        for (PublicPages.Page p : fixture.pages()) {
            for (String asked : List.of("zh-CN,zh;q=0.9", "en-US,en;q=0.9")) {
                boolean english = asked.startsWith("en");
                String as = p.name() + " asked for " + asked;
                WebSession web = new WebSession(api());
                if (p.staff()) {
                    assertThat(web.login("admin", App.ADMIN_PASSWORD).status()).isEqualTo(302);
                }
                Map<String, String> browser = Map.of("Accept-Language", asked);
                WebSession.Page page = web.get(p.path(), browser);
                soft.assertThat(page.status()).as(as).isEqualTo(p.status());
                soft.assertThat(PublicPages.htmlLang(page.body())).as(as + ": <html lang>").isEqualTo(english ? "en" : "zh-CN");
                String words = fixture.words(page.body());
                if (english) {
                    soft.assertThat(PublicPages.chinese(words)).as(as + ": Chinese on the English page").isEmpty();
                } else {
                    soft.assertThat(PublicPages.englishWords(words)).as(as + ": English on the Chinese page").isEmpty();
                }

                String[] change = PublicPages.languageSwitch(page.body());
                if (change == null && p.staff()) {
                    continue; // a staff page's switch is in the staff header (fragments :: adminNav), tested with it
                }
                soft.assertThat(change).as(as + ": the language switch").isNotNull();
                if (change == null) {
                    continue;
                }
                soft.assertThat(change[0]).as(as + ": the switch's link")
                        .matches("(.*[?&])?lang=" + (english ? "zh" : "en") + "(&.*)?");
                soft.assertThat(change[1]).as(as + ": the switch's label").isEqualTo(english ? "中文" : "English");
                // the link is this page with ?lang= (relative, or its path with the other query parameters kept)
                String path = p.path().contains("?") ? p.path().substring(0, p.path().indexOf('?')) : p.path();
                WebSession.Page switched = web.get(change[0].startsWith("?") ? path + change[0] : change[0], browser);
                soft.assertThat(PublicPages.htmlLang(switched.body())).as(as + ", then the switch")
                        .isEqualTo(english ? "zh-CN" : "en");
                String switchedWords = fixture.words(switched.body());
                if (english) {
                    soft.assertThat(PublicPages.englishWords(switchedWords)).as(as + ", then the switch: English").isEmpty();
                } else {
                    soft.assertThat(PublicPages.chinese(switchedWords)).as(as + ", then the switch: Chinese").isEmpty();
                }
                // the browser still asks for its own language: the cookie keeps the chosen one
                WebSession.Page next = web.get("/", browser);
                soft.assertThat(PublicPages.htmlLang(next.body())).as(as + ", the switch, then the home page")
                        .isEqualTo(english ? "zh-CN" : "en");
            }
        }
        soft.assertAll();
    }

    @Test
    void theCheckSeesWordsOfTheOtherLanguage() {
        PublicPages fixture = new PublicPages(api());
        String zh = "<html lang=\"zh-CN\"><body><p>开始答题 Start</p><input placeholder=\"输入单位 Type\">"
                + "<script type=\"application/json\" id=\"baiti-texts\">{\"online.js.next\":\"下一题 Next\"}</script>"
                + "<code>baiti-draw-v1 whatever</code><p>全市森林防火知识竞赛 · SHA-256 · 张三丰</p></body></html>";
        assertThat(PublicPages.englishWords(fixture.words(zh))).containsExactlyInAnyOrder("Start", "Type", "Next");
        String en = "<html lang=\"en\"><body><p>Start 开始</p><p>全市森林防火知识竞赛 · 赵* · 欧*** ranked</p>"
                + "<a class=\"lang-switch\" lang=\"\" href=\"?lang=zh\">中文</a><img alt=\"二维码\"></body></html>";
        assertThat(PublicPages.chinese(fixture.words(en))).containsExactlyInAnyOrder("开始", "二维码");
        assertThat(PublicPages.languageSwitch(en)).containsExactly("?lang=zh", "中文");
    }
}
