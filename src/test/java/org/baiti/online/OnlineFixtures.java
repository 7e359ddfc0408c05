package org.baiti.online;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.baiti.testing.Api;
import org.baiti.testing.Fixtures;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generated bank whose key the tests know, a contest set up over the admin API, and a participant who answers
 * right or wrong on purpose.
 */
final class OnlineFixtures {

    private OnlineFixtures() {
    }

    /** What the test knows of a bank question: type, the right option texts, points, category. */
    record Known(String id, String type, List<String> options, Set<String> rightTexts, int points, String category,
                 String explanation) {
    }

    /** A bank of {@code n} questions cycling single / multiple / truefalse over three categories. */
    static Map<String, Known> bank(int n) {
        Map<String, Known> bank = new LinkedHashMap<>();
        String[] categories = {"应急常识", "火灾预防", "野外用火"};
        for (int i = 1; i <= n; i++) {
            String id = "K" + i;
            String category = categories[i % 3 == 0 ? 2 : (i % 2 == 0 ? 1 : 0)];
            String explanation = "解析第" + i + "题：请牢记要点" + i;
            switch (i % 3) {
                case 1 -> {
                    List<String> opts = List.of("第" + i + "题甲", "第" + i + "题乙", "第" + i + "题丙", "第" + i + "题丁");
                    String right = opts.get(i % 4);
                    bank.put(id, new Known(id, "单选", opts, Set.of(right), 1, category, explanation));
                }
                case 2 -> {
                    List<String> opts = List.of("第" + i + "题子", "第" + i + "题丑", "第" + i + "题寅", "第" + i + "题卯", "第" + i + "题辰");
                    Set<String> right = Set.of(opts.get(0), opts.get(2), opts.get(3 + i % 2));
                    bank.put(id, new Known(id, "多选", opts, right, 2, category, explanation));
                }
                default -> bank.put(id, new Known(id, "判断", List.of("对", "错"),
                        Set.of(i % 2 == 0 ? "对" : "错"), 1, category, explanation));
            }
        }
        return bank;
    }

    /** The bank as import rows (SPEC §2.1 headers in Chinese). */
    static List<List<String>> rows(Map<String, Known> bank) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("题号", "题型", "题干", "选项A", "选项B", "选项C", "选项D", "选项E", "答案", "分值", "分类", "解析"));
        for (Known k : bank.values()) {
            List<String> row = new ArrayList<>(List.of(k.id(), k.type(), "题干" + k.id() + "：下列说法哪项正确？"));
            StringBuilder answer = new StringBuilder();
            for (int i = 0; i < 5; i++) {
                boolean tf = k.type().equals("判断");
                row.add(!tf && i < k.options().size() ? k.options().get(i) : "");
                if (!tf && i < k.options().size() && k.rightTexts().contains(k.options().get(i))) {
                    answer.append((char) ('A' + i));
                }
            }
            row.add(k.type().equals("判断") ? k.rightTexts().iterator().next() : answer.toString());
            row.add(String.valueOf(k.points()));
            row.add(k.category());
            row.add(k.explanation());
            rows.add(row);
        }
        return rows;
    }

    /** Creates a contest with the overrides, imports the small unit tree and the bank; returns the contest id. */
    static long contest(Api admin, Map<String, Known> bank, Map<String, Object> overrides) {
        long id = Fixtures.contest(admin, overrides);
        Api.Response u = admin.upload("/api/admin/contests/" + id + "/units", "units.csv", Fixtures.csv(Fixtures.units()));
        assertThat(u.status()).as(u.body()).isEqualTo(200);
        if (!bank.isEmpty()) {
            Api.Response b = admin.upload("/api/admin/contests/" + id + "/bank", "bank.csv", Fixtures.csv(rows(bank)));
            assertThat(b.status()).as(b.body()).isEqualTo(200);
        }
        return id;
    }

    /** Unit codes and names of {@link Fixtures#units()}. */
    static final Map<String, String> UNITS = Map.of("U1", "市教育局", "U1-1", "第一中学", "U1-1-1", "第一中学初中部",
            "U2", "东城区", "U2-1", "东城区街道办");

    static Map<String, Object> person(String name, String phone, String unit) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", name);
        m.put("phone", phone);
        m.put("unit", unit);
        return m;
    }

    /** Option ids of a question of a start response that make a right (or a wrong) answer. */
    static List<String> answer(JsonNode question, Known known, boolean right, Random random) {
        List<String> rightIds = new ArrayList<>();
        List<String> wrongIds = new ArrayList<>();
        for (JsonNode o : question.get("options")) {
            (known.rightTexts().contains(o.get("text").asString()) ? rightIds : wrongIds).add(o.get("id").asString());
        }
        if (right) {
            return rightIds;
        }
        if (known.type().equals("多选")) {
            // a strict subset of the key, or the key plus a wrong option: both wrong without partial credit
            List<String> wrong = new ArrayList<>(rightIds);
            if (random.nextBoolean()) {
                wrong.remove(random.nextInt(wrong.size()));
            } else {
                wrong.add(wrongIds.get(random.nextInt(wrongIds.size())));
            }
            return wrong;
        }
        return List.of(wrongIds.get(random.nextInt(wrongIds.size())));
    }

    /** The marks as the test computes them itself: points of questions whose chosen texts equal the key. */
    static int[] mark(JsonNode questions, Map<String, List<String>> answers, Map<String, Known> bank) {
        int score = 0;
        int max = 0;
        for (JsonNode q : questions) {
            Known k = bank.get(q.get("id").asString());
            max += k.points();
            Map<String, String> textOf = new HashMap<>();
            for (JsonNode o : q.get("options")) {
                textOf.put(o.get("id").asString(), o.get("text").asString());
            }
            Set<String> chosen = new TreeSet<>();
            for (String id : answers.getOrDefault(k.id(), List.of())) {
                chosen.add(textOf.get(id));
            }
            if (chosen.equals(new TreeSet<>(k.rightTexts()))) {
                score += k.points();
            }
        }
        return new int[] {score, max};
    }
}
