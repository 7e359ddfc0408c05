package org.baiti.report;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.baiti.testing.Api;
import org.baiti.testing.App;
import org.baiti.testing.Fixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The data set of the award tests: a contest with known figures — 300 online and 300 offline people over 8 top-level units, 100 of them in
 * both channels — whose statistics and organization award are recomputed here from the raw rows the test
 * sent, independently of Baiti's code (SPEC §6, §7).
 */
interface AwardsScenario extends App {

    Pattern FULL_PHONE = Pattern.compile("1[3-9][0-9]{9}");

    /** The paper: the first five questions of {@link Fixtures#bank()}, with their keys and points. */
    Map<String, String> KEY = Map.of("Q1", "A", "Q2", "ACD", "Q3", "B", "Q4", "B", "Q5", "A");
    Map<String, Integer> POINTS = Map.of("Q1", 1, "Q2", 2, "Q3", 1, "Q4", 1, "Q5", 1);
    List<String> PAPER = List.of("Q1", "Q2", "Q3", "Q4", "Q5");

    /** What the test knows about one person. */
    final class Person {
        final String phone;
        final String top;
        double best = -1;
        final Set<String> tops = new HashSet<>();

        Person(String phone, String top) {
            this.phone = phone;
            this.top = top;
        }
    }

    /** Runs the whole scenario once and returns what the test sent, for the assertions. */
    default Scenario scenario() {
        Api admin = api().admin();
        long id = Fixtures.contest(admin, Map.of("questionsPerPaper", 5, "onlineQuota", 20, "orgQuota", 3,
                "weightRate", 0.5, "weightAccuracy", 0.3, "weightAttention", 0.2));
        List<List<String>> units = new ArrayList<>();
        units.add(List.of("单位编码", "单位名称", "上级单位编码", "应参赛人数"));
        int[] headcounts = {80, 120, 60, 200, 90, 50, 40, 70};
        for (int u = 1; u <= 8; u++) {
            units.add(List.of("T" + u, "单位" + u, "", String.valueOf(headcounts[u - 1])));
            units.add(List.of("T" + u + "-1", "单位" + u + "下属", "T" + u, ""));
        }
        assertThat(admin.upload("/api/admin/contests/" + id + "/units", "units.csv", Fixtures.csv(units)).status()).isEqualTo(200);
        assertThat(admin.upload("/api/admin/contests/" + id + "/bank", "bank.csv", Fixtures.csv(Fixtures.bank())).status()).isEqualTo(200);
        Map<String, String> textToLetter = new HashMap<>();
        for (List<String> row : Fixtures.bank().subList(1, Fixtures.bank().size())) {
            for (int i = 0; i < 4; i++) {
                if (!row.get(3 + i).isEmpty()) {
                    textToLetter.put(row.get(0) + "|" + row.get(3 + i), String.valueOf((char) ('A' + i)));
                }
            }
            if (row.get(1).equals("判断")) {
                textToLetter.put(row.get(0) + "|对", "A");
                textToLetter.put(row.get(0) + "|错", "B");
            }
        }
        Random random = new Random(20261129);
        Scenario s = new Scenario(id);
        // Units T7 and T8 take no part at all: a tie on score and rate, broken by code.
        // Online: 300 people, phones 13900000000..13900000299, in units T1..T6 (top or child).
        for (int p = 0; p < 300; p++) {
            String phone = "139" + String.format("%08d", p);
            int top = 1 + random.nextInt(6);
            String unit = random.nextBoolean() ? "T" + top : "T" + top + "-1";
            Person person = s.people.computeIfAbsent(phone, k -> new Person(k, "T" + top));
            person.tops.add("T" + top);
            Api.Response start = api().postJson("/api/contests/" + id + "/attempts",
                    Map.of("name", "线上" + p, "phone", phone, "unit", unit));
            assertThat(start.status()).as(start.body()).isEqualTo(201);
            JsonNode paper = start.json();
            double skill = random.nextDouble();
            Map<String, List<String>> answers = new LinkedHashMap<>();
            int score = 0;
            for (JsonNode q : paper.get("questions")) {
                String qid = q.get("id").asString();
                boolean right = random.nextDouble() < 0.35 + skill;
                List<String> chosen = new ArrayList<>();
                StringBuilder letters = new StringBuilder();
                for (JsonNode o : q.get("options")) {
                    String letter = textToLetter.get(qid + "|" + o.get("text").asString());
                    boolean inKey = KEY.get(qid).contains(letter);
                    if (right ? inKey : letter.equals(KEY.get(qid).equals("A") ? "B" : "A")) {
                        chosen.add(o.get("id").asString());
                        letters.append(letter);
                    }
                }
                answers.put(qid, chosen);
                if (right) {
                    score += POINTS.get(qid);
                    s.right.merge(qid, 1, Integer::sum);
                }
                s.answered.merge(qid, 1, Integer::sum);
            }
            Api.Response submit = api().postJson("/api/attempts/" + paper.get("attemptId").asString() + "/submit",
                    Map.of("answers", answers), paper.get("token").asString());
            assertThat(submit.status()).as(submit.body()).isEqualTo(200);
            double accuracy = score / 6.0;
            assertThat(submit.json().get("accuracy").asDouble()).isCloseTo(accuracy, within(1e-12));
            person.best = Math.max(person.best, accuracy);
            s.onlineAccuracies.add(accuracy);
        }
        // Offline: 300 papers; the first 100 are people who also answered online (same phone, maybe another unit).
        List<List<String>> offline = new ArrayList<>();
        offline.add(List.of("准考证号", "姓名", "手机号", "单位编码", "答案", "考场"));
        for (int p = 0; p < 300; p++) {
            String phone = p < 100 ? "139" + String.format("%08d", p * 3) : "137" + String.format("%08d", p);
            int top = 1 + random.nextInt(6);
            Person person = s.people.computeIfAbsent(phone, k -> new Person(k, "T" + top));
            person.tops.add("T" + top);
            List<String> entries = new ArrayList<>();
            int score = 0;
            double skill = random.nextDouble();
            for (String q : PAPER) {
                boolean right = random.nextDouble() < 0.45 + skill;
                entries.add(right ? KEY.get(q) : (KEY.get(q).equals("A") ? "B" : "A"));
                if (right) {
                    score += POINTS.get(q);
                    s.right.merge(q, 1, Integer::sum);
                }
                s.answered.merge(q, 1, Integer::sum);
            }
            double accuracy = score / 6.0;
            person.best = Math.max(person.best, accuracy);
            s.offlineAccuracies.add(accuracy);
            String phoneAsTyped = p % 7 == 0 ? "+86 " + phone.substring(0, 3) + "-" + phone.substring(3) : phone;
            offline.add(List.of("K" + String.format("%05d", p), "线下" + p, phoneAsTyped,
                    p % 2 == 0 ? "T" + top : "T" + top + "-1", String.join("|", entries), "第" + (p % 5 + 1) + "考场"));
        }
        Api.Response imported = admin.upload("/api/admin/contests/" + id + "/offline-results", "offline.csv",
                Fixtures.gb18030(offline));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        // Judges' marks for T1..T5; T6, T7, T8 are missing (counted as 0).
        int[] marks = {90, 70, 85, 60, 100};
        for (int u = 1; u <= 5; u++) {
            assertThat(admin.putJson("/api/admin/contests/" + id + "/units/T" + u + "/attention",
                    Map.of("score", marks[u - 1])).status()).isEqualTo(200);
            s.attention.put("T" + u, marks[u - 1]);
        }
        for (int u = 1; u <= 8; u++) {
            s.headcount.put("T" + u, headcounts[u - 1]);
        }
        return s;
    }

    /** The test's own record of what it sent. */
    final class Scenario {
        final long id;
        final Map<String, Person> people = new LinkedHashMap<>();
        final Map<String, Integer> right = new TreeMap<>();
        final Map<String, Integer> answered = new TreeMap<>();
        final List<Double> onlineAccuracies = new ArrayList<>();
        final List<Double> offlineAccuracies = new ArrayList<>();
        final Map<String, Integer> attention = new HashMap<>();
        final Map<String, Integer> headcount = new HashMap<>();

        Scenario(long id) {
            this.id = id;
        }
    }

    /** The expected breakdown, computed from the scenario with SPEC §6 written out once more. */
    record Expected(String code, int participants, double rate, double accuracy, double score) {
    }

    static List<Expected> expected(Scenario s) {
        List<Expected> out = new ArrayList<>();
        for (int u = 1; u <= 8; u++) {
            String code = "T" + u;
            List<Person> members = s.people.values().stream().filter(p -> p.tops.contains(code)).toList();
            double acc = members.isEmpty() ? 0 : members.stream().mapToDouble(p -> p.best).sum() / members.size();
            double rate = (double) members.size() / s.headcount.get(code);
            double score = 0.5 * Math.min(rate, 1) + 0.3 * acc + 0.2 * s.attention.getOrDefault(code, 0) / 100.0;
            out.add(new Expected(code, members.size(), rate, acc, score));
        }
        out.sort(Comparator.comparingDouble(Expected::score).reversed()
                .thenComparing(Comparator.comparingDouble(Expected::rate).reversed())
                .thenComparing(Expected::code));
        return out;
    }
}
