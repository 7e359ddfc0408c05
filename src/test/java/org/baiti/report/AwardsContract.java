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

/** Statistics, the organization award and the exports against an independent computation (SPEC §6, §7). */
interface AwardsContract extends AwardsScenario {

    @Test
    default void statisticsAndTheOrganizationAwardEqualAnIndependentComputation() throws Exception {
        Scenario s = scenario();
        Api admin = api().admin();

        JsonNode org = admin.get("/api/admin/contests/" + s.id + "/org-awards").json();
        List<Expected> expected = AwardsScenario.expected(s);
        assertThat(org).hasSize(8);
        for (int i = 0; i < 8; i++) {
            JsonNode line = org.get(i);
            Expected e = expected.get(i);
            assertThat(line.get("code").asString()).as("rank %d", i + 1).isEqualTo(e.code());
            assertThat(line.get("participants").asInt()).isEqualTo(e.participants());
            assertThat(line.get("headcount").asInt()).isEqualTo(s.headcount.get(e.code()));
            assertThat(line.get("rate").asDouble()).isCloseTo(e.rate(), within(1e-12));
            assertThat(line.get("accuracy").asDouble()).isCloseTo(e.accuracy(), within(1e-12));
            assertThat(line.get("score").asDouble()).isCloseTo(e.score(), within(1e-12));
            assertThat(line.get("rank").asInt()).isEqualTo(i + 1);
            assertThat(line.get("awarded").asBoolean()).isEqualTo(i < 3);
        }
        assertThat(org.get(6).get("code").asString()).as("tie at zero broken by code").isEqualTo("T7");
        assertThat(org.get(7).get("code").asString()).isEqualTo("T8");

        JsonNode st = admin.get("/api/admin/contests/" + s.id + "/statistics").json();
        assertThat(st.get("onlineParticipants").asLong()).isEqualTo(300);
        assertThat(st.get("offlineParticipants").asLong()).isEqualTo(300);
        assertThat(st.get("totalParticipants").asLong()).isEqualTo(600);
        assertThat(st.get("distinctPeople").asLong()).isEqualTo(s.people.size()).isEqualTo(500);
        assertThat(st.get("onlinePerfect").asLong()).isEqualTo(s.onlineAccuracies.stream().filter(a -> a == 1.0).count());
        assertThat(st.get("offlinePerfect").asLong()).isEqualTo(s.offlineAccuracies.stream().filter(a -> a == 1.0).count());
        assertThat(st.get("individualAwards").asLong()).isEqualTo(20);
        assertThat(st.get("organizationAwards").asLong()).isEqualTo(3);
        assertThat(st.get("units")).hasSize(8);
        Map<String, Double> share = new HashMap<>();
        for (JsonNode q : st.get("questions")) {
            share.put(q.get("key").asString(), q.get("shareRight").asDouble());
            if (PAPER.contains(q.get("key").asString())) {
                assertThat(q.get("answered").asLong()).isEqualTo(600);
                assertThat(q.get("right").asLong()).as(q.get("key").asString()).isEqualTo(s.right.get(q.get("key").asString()));
            }
        }
        List<Double> shares = new ArrayList<>();
        st.get("questions").forEach(q -> { if (q.get("answered").asLong() > 0) { shares.add(q.get("shareRight").asDouble()); } });
        assertThat(shares).as("hardest first").isSorted();

        String summary = admin.get("/api/admin/contests/" + s.id + "/summary").json().get("text").asString();
        assertThat(summary).contains("600人次").contains("线上答题300人").contains("500人参与").contains("优秀组织单位3个");
    }

    @Test
    default void exportsHoldTheWinnersAndNoFullPhoneNumber() throws Exception {
        Scenario s = scenario();
        Api admin = api().admin();
        JsonNode awards = admin.get("/api/admin/contests/" + s.id + "/awards").json();
        assertThat(awards).hasSize(20);
        JsonNode ranking = api().get("/api/contests/" + s.id + "/ranking?limit=20").json();
        for (int i = 0; i < 20; i++) {
            assertThat(awards.get(i).get("name").asString()).isEqualTo(ranking.get(i).get("name").asString());
        }

        byte[] xlsx = admin.getBytes("/api/admin/contests/" + s.id + "/exports/winners.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(20);
            DataFormatter f = new DataFormatter();
            assertThat(f.formatCellValue(sheet.getRow(1).getCell(3))).isEqualTo(ranking.get(0).get("name").asString());
            StringBuilder all = new StringBuilder();
            sheet.forEach(r -> r.forEach(c -> all.append(f.formatCellValue(c)).append('\t')));
            assertThat(FULL_PHONE.matcher(all).find()).as("no full phone in the XLSX").isFalse();
            assertThat(all.toString()).contains("****");
        }
        byte[] orgXlsx = admin.getBytes("/api/admin/contests/" + s.id + "/exports/org-awards.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(orgXlsx))) {
            assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(8);
        }
        for (String path : List.of("/api/admin/contests/" + s.id + "/exports/winners.csv",
                "/api/admin/contests/" + s.id + "/exports/org-awards.csv", "/api/admin/contests/" + s.id + "/awards")) {
            String text = admin.get(path).body();
            assertThat(FULL_PHONE.matcher(text).find()).as(path).isFalse();
        }
    }
}
