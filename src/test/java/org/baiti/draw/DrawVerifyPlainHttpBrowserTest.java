package org.baiti.draw;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import org.baiti.verify.VerifyDraw;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public record checks itself in browsers that give the page no Web Crypto (plain http on a LAN address): the
 * SHA-256 in plain JavaScript of draw-verify.js gives the standard's digests and every known answer of the draw,
 * and the record page says which SHA-256 it used. The page also serves the JDK checker and the record file.
 */
@EnabledIfBrowser
class DrawVerifyPlainHttpBrowserTest extends SqliteApp {

    /** Removes Web Crypto before any script of the page runs, as a browser does on a non-secure origin. */
    private static final String NO_WEB_CRYPTO = "try { delete Object.getPrototypeOf(window.crypto).subtle; } catch (e) {}"
            + "try { Object.defineProperty(window.crypto, 'subtle', {value: undefined, configurable: true}); } catch (e) {}";

    @Autowired
    JdbcTemplate jdbc;

    private long sealedDraw() {
        Api admin = api().admin();
        long contest = Fixtures.contest(admin, Map.of("name", "明码验证竞赛", "drawQuota", 20));
        assertThat(admin.upload("/api/admin/contests/" + contest + "/units", "units.csv",
                Fixtures.csv(Fixtures.units())).status()).isEqualTo(200);
        OfflineRows.insert(jdbc, contest, OfflineRows.rows("LAN", 300, 4));
        Api.Response commit = admin.postJson("/api/admin/contests/" + contest + "/draws", Map.of(
                "name", "线下抽奖", "k", 20, "pool", "offline-perfect", "seedSources", "现场掷骰",
                "tiers", List.of(Map.of("name", "一等奖", "count", 5), Map.of("name", "二等奖", "count", 15))));
        assertThat(commit.status()).as(commit.body()).isEqualTo(201);
        long id = commit.json().get("id").asLong();
        Api.Response reveal = admin.postJson("/api/admin/draws/" + id + "/reveal", Map.of("seed", List.of("1 2 3", "4")));
        assertThat(reveal.status()).as(reveal.body()).isEqualTo(200);
        return id;
    }

    @Test
    void theRecordVerifiesWithoutWebCryptoWithThePagesOwnSha256() {
        long id = sealedDraw();
        try (Browser b = Browser.desktop(1366, 900)) {
            WebDriver d = b.driver();
            ((ChromeDriver) d).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", NO_WEB_CRYPTO));
            d.get(api().base() + "/draws/" + id);
            JavascriptExecutor js = (JavascriptExecutor) d;
            assertThat(js.executeScript("return typeof (window.crypto && window.crypto.subtle);"))
                    .as("the page runs without Web Crypto").isEqualTo("undefined");
            WebElement verify = d.findElement(By.id("verify"));
            b.waiting(Duration.ofSeconds(30)).until(dr -> !verify.getAttribute("class").contains("pending"));
            assertThat(verify.getAttribute("class")).contains("ok");
            assertThat(verify.getText()).contains("✔").contains("20");
            WebElement engine = d.findElement(By.cssSelector("#verify .engine"));
            assertThat(engine.getAttribute("data-engine")).isEqualTo("javascript");
            assertThat(engine.getText()).contains("JavaScript");
            b.screenshot("draw-record-no-webcrypto");

            // An altered record is still caught by the JavaScript SHA-256.
            Object altered = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                    + "var r = JSON.parse(JSON.stringify(BaitiDrawRecord.record())); r.seed[0] = '1 2 4';"
                    + "BaitiDrawRecord.check(r).then(function (x) { done(x.verified + ' ' + x.differences.length); });");
            assertThat(altered.toString()).startsWith("false ");

            // The downloads the page offers.
            assertThat(d.findElement(By.id("download")).getAttribute("href")).endsWith("/draws/" + id + "/record.json");
            assertThat(d.findElement(By.id("download-verifier")).getAttribute("href")).endsWith("/tools/VerifyDraw.java");
        }
    }

    @Test
    void thePlainJavaScriptSha256GivesTheStandardsDigestsAndEveryKnownAnswerOfTheDraw() {
        try (Browser b = Browser.desktop(1024, 768)) {
            WebDriver d = b.driver();
            ((ChromeDriver) d).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", NO_WEB_CRYPTO));
            d.get(api().base() + "/draws/" + sealedDraw());
            JavascriptExecutor js = (JavascriptExecutor) d;
            assertThat(js.executeScript("return BaitiDraw.engine();")).isEqualTo("javascript");

            // FIPS 180-4 / NIST examples: empty, one block, two blocks, a million 'a' (many blocks).
            Map<String, String> fips = new LinkedHashMap<>();
            fips.put("''", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
            fips.put("'abc'", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
            fips.put("'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'",
                    "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
            fips.put("'a'.repeat(1000000)", "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
            // 55, 56 and 64 bytes: where the padding needs one more block.
            fips.put("'a'.repeat(55)", "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
            fips.put("'a'.repeat(56)", "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
            fips.put("'a'.repeat(64)", "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
            fips.put("'准考证'", "f5dd79c872190ea118dcec85c76dd1177e970d0fdc6b8509bc86f73c35dd8490");
            for (Map.Entry<String, String> e : fips.entrySet()) {
                assertThat(js.executeScript("return BaitiDraw.hex(BaitiDraw.sha256js(new TextEncoder().encode("
                        + e.getKey() + ")));")).as(e.getKey()).isEqualTo(e.getValue());
            }

            // The draw's known answers (DrawAlgorithmKnownAnswerTest, from tools/draw_kat.py) through the whole check.
            for (DrawAlgorithmKnownAnswerTest.Case c : DrawAlgorithmKnownAnswerTest.cases()) {
                String record = record(c);
                Object out = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                        + "BaitiDraw.verify(JSON.parse(arguments[0])).then(function (x) {"
                        + " done({verified: x.verified, engine: x.engine, p: x.poolDigest, d: x.seedDigest,"
                        + " winners: x.winners, differences: x.differences.map(function (y) { return y.message; })}); },"
                        + " function (e) { done({error: String(e)}); });", record);
                Map<?, ?> r = (Map<?, ?>) out;
                assertThat(r.get("differences")).as(c.name()).asList().isEmpty();
                assertThat(r.get("verified")).as(c.name()).isEqualTo(true);
                assertThat(r.get("engine")).isEqualTo("javascript");
                assertThat(r.get("p")).as(c.name()).isEqualTo(c.poolDigest());
                assertThat(r.get("d")).as(c.name()).isEqualTo(c.seedDigest());
                assertThat(r.get("winners")).as(c.name()).isEqualTo(c.winners());

                // And one changed winner is reported, for every case with winners.
                if (!c.winners().isEmpty() && c.sortedPool().size() > c.winners().size()) {
                    List<String> wrong = new ArrayList<>(c.winners());
                    Collections.reverse(wrong);
                    String other = c.sortedPool().stream().filter(k -> !c.winners().contains(k)).findFirst().orElseThrow();
                    wrong.set(0, other);
                    Object bad = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                            + "var r = JSON.parse(arguments[0]); r.winners = JSON.parse(arguments[1]);"
                            + "BaitiDraw.verify(r).then(function (x) { done(x.verified); });",
                            record, Api.JSON.writeValueAsString(wrong));
                    assertThat(bad).as(c.name() + " altered").isEqualTo(false);
                }
            }
        }
    }

    /** Over the machine's own LAN address (not a secure context), when it has one: the check still runs. */
    @Test
    void overALanAddressThePageIsNotASecureContextAndStillVerifies() throws Exception {
        String lan = lanAddress();
        org.junit.jupiter.api.Assumptions.assumeTrue(lan != null, "this machine has no non-loopback IPv4 address");
        long id = sealedDraw();
        try (Browser b = Browser.phone()) {
            WebDriver d = b.driver();
            String base = api().base().replace("localhost", lan).replace("127.0.0.1", lan);
            d.get(base + "/draws/" + id);
            JavascriptExecutor js = (JavascriptExecutor) d;
            assertThat(js.executeScript("return window.isSecureContext;")).isEqualTo(false);
            WebElement verify = d.findElement(By.id("verify"));
            b.waiting(Duration.ofSeconds(30)).until(dr -> !verify.getAttribute("class").contains("pending"));
            assertThat(verify.getAttribute("class")).contains("ok");
            assertThat(d.findElement(By.cssSelector("#verify .engine")).getAttribute("data-engine")).isEqualTo("javascript");
            b.screenshot("draw-record-lan-phone");
        }
    }

    @Test
    void theSiteServesTheJdkCheckerAsItIsInToolsAndTheRecordFile() throws Exception {
        long id = sealedDraw();
        byte[] served = api().getBytes("/tools/VerifyDraw.java");
        assertThat(served).isEqualTo(Files.readAllBytes(Path.of("tools", "VerifyDraw.java")));
        Api.Response record = api().get("/draws/" + id + "/record.json");
        assertThat(record.status()).isEqualTo(200);
        JsonNode json = record.json();
        assertThat(json.get("status").asString()).isEqualTo("SEALED");
        assertThat(VerifyDraw.problems(record.body())).isEmpty();
    }

    private static String record(DrawAlgorithmKnownAnswerTest.Case c) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("algorithm", "baiti-draw-v1");
        r.put("status", "SEALED");
        r.put("poolDigest", c.poolDigest());
        r.put("n", c.sortedPool().size());
        r.put("k", c.k());
        r.put("pool", c.sortedPool().stream().map(k -> Map.of("key", k, "name", "张*", "unit", "测试单位")).toList());
        r.put("seed", c.seed());
        r.put("seedDigest", c.seedDigest());
        r.put("winners", c.winners());
        return Api.JSON.writeValueAsString(r);
    }

    private static String lanAddress() throws Exception {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                    return a.getHostAddress();
                }
            }
        }
        return null;
    }
}
