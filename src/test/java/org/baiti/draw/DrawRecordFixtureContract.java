package org.baiti.draw;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.baiti.testing.Api;
import org.baiti.testing.App;
import org.baiti.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.baiti.verify.VerifyDraw;

/**
 * The published record of a draw of 3,000 entries with awkward keys, names and units (CJK, emoji, quotes,
 * backslashes, text that looks like Unicode escapes, U+2028, a no-break space; no control characters, which the
 * application's JSON reader refuses) is byte for byte
 * the record the code before issue #18 published (src/test/resources/draw/awkward-record.json, written by that code),
 * but for the draw's id, contest id and times. So are the summary's winners and "find my ticket" answers.
 * Run with {@code -Dbaiti.draw.writeFixture=true} to (re)write the fixtures instead.
 */
interface DrawRecordFixtureContract extends App {

    Path RECORD = DrawRecords.ROOT.resolve("src/test/resources/draw/awkward-record.json");
    Path ANSWERS = DrawRecords.ROOT.resolve("src/test/resources/draw/awkward-answers.json");

    String[] NAMES = {" 王五 ", "\uD840\uDC0B名", "\"引号\"", "\\反斜", "", "Émile", "a", "\u00A0铃", "😀😀", "欧阳 修",
            "\u2028行", "/斜"};
    String[] UNITS = {"U1", "U2-1", "X\\\"Y", "无\u2028单位", "😀U", "U1-1-1", "<b>&'"};

    static List<OfflineRows.Row> awkwardRows() {
        List<OfflineRows.Row> rows = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String key = switch (i % 10) {
                case 0 -> "准考证" + i;
                case 1 -> "\uD83C\uDFB2" + i;
                case 2 -> "q\"" + i + "\"";
                case 3 -> "b\\" + i + "\\";
                case 4 -> "\\u00" + i;
                case 5 -> "Ａ" + i;
                case 6 -> "t\\u0009" + i;
                case 7 -> "é" + i + "\u2028";
                case 8 -> "/" + i + "<>&'";
                default -> "B" + String.format("%05d", i);
            };
            String unit = UNITS[i % UNITS.length];
            rows.add(new OfflineRows.Row(key, NAMES[i % NAMES.length] + (i % 4 == 0 ? "" : "名" + i),
                    "139" + String.format("%08d", 10_000_000 + i), unit, "U1", i % 7 != 3));
        }
        return rows;
    }

    private static String normalized(String record, long drawId, long contestId) {
        return record.replace(String.valueOf(drawId), "DRAW").replace(String.valueOf(contestId), "CONTEST")
                .replaceAll("\"(committedAt|revealedAt)\":\"[^\"]*\"", "\"$1\":\"T\"");
    }

    @Test
    default void theRecordOfAnAwkwardPoolIsByteForByteTheOneThatWasPublishedBefore() throws IOException {
        Api admin = api().admin();
        long contest = Fixtures.contest(admin, Map.of("drawQuota", 3));
        Api.Response units = admin.upload("/api/admin/contests/" + contest + "/units", "units.csv",
                Fixtures.csv(Fixtures.units()));
        assertThat(units.status()).as(units.body()).isEqualTo(200);
        List<OfflineRows.Row> rows = awkwardRows();
        OfflineRows.insert(bean(JdbcTemplate.class), contest, rows);
        Api.Response commit = admin.postJson("/api/admin/contests/" + contest + "/draws", Map.of("name", "抽奖 \"甲\" \\",
                "k", 25, "pool", "offline-perfect", "seedSources", "骰子 \"dice\" \\ 😀",
                "tiers", List.of(Map.of("name", "一等\"奖", "count", 5), Map.of("name", "二等奖", "count", 20))));
        assertThat(commit.status()).as(commit.body()).isEqualTo(201);
        long id = commit.json().get("id").asLong();
        String committed = normalized(api().get("/api/draws/" + id).body(), id, contest);
        Api.Response reveal = admin.postJson("/api/admin/draws/" + id + "/reveal",
                Map.of("seed", List.of("2026-11-29", "beacon:\"quoted\" \\ back", "😀")));
        assertThat(reveal.status()).as(reveal.body()).isEqualTo(200);
        String record = normalized(reveal.body(), id, contest);
        assertThat(normalized(api().get("/api/draws/" + id).body(), id, contest)).isEqualTo(record);
        assertThat(VerifyDraw.problems(reveal.body())).isEmpty();

        StringBuilder answers = new StringBuilder();
        answers.append(normalized(api().get("/api/draws/" + id + "/summary").body(), id, contest)).append('\n');
        List<String> asked = new ArrayList<>(List.of("nobody", "准考证0", "B00009", "q\"2\"", "t\\u00096", "\\u004"));
        reveal.json().get("winners").forEach(w -> asked.add(w.asString()));
        for (String q : asked) {
            answers.append(api().get("/api/draws/" + id + "/pool?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))
                    .body()).append('\n');
        }
        if (Boolean.getBoolean("baiti.draw.writeFixture")) {
            Files.writeString(RECORD, committed + "\n" + record + "\n", StandardCharsets.UTF_8);
            Files.writeString(ANSWERS, answers.toString(), StandardCharsets.UTF_8);
            return;
        }
        assertThat(committed + "\n" + record + "\n").isEqualTo(Files.readString(RECORD, StandardCharsets.UTF_8));
        assertThat(answers.toString()).isEqualTo(Files.readString(ANSWERS, StandardCharsets.UTF_8));
    }
}
