package org.baiti.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import tools.jackson.databind.JsonNode;

/** Builders for contests and files the tests import. */
public final class Fixtures {

    private Fixtures() {
    }

    /** Creates an open contest over the API and returns its id. */
    public static long contest(Api admin, int questionsPerPaper) {
        return contest(admin, Map.of("questionsPerPaper", questionsPerPaper));
    }

    public static long contest(Api admin, Map<String, Object> overrides) {
        java.util.Map<String, Object> body = new java.util.HashMap<>(Map.of(
                "name", "测试竞赛 Test contest",
                "questionsPerPaper", 5,
                "timeLimitSeconds", 600,
                "opensAt", java.time.Instant.now().minusSeconds(3600).toString(),
                "closesAt", java.time.Instant.now().plusSeconds(86_400).toString(),
                "onlineQuota", 3,
                "drawQuota", 3,
                "orgQuota", 2));
        body.putAll(overrides);
        Api.Response r = admin.postJson("/api/admin/contests", body);
        if (r.status() != 201) {
            throw new AssertionError("contest not created: " + r.status() + " " + r.body());
        }
        JsonNode json = r.json();
        return json.get("id").asLong();
    }

    /** CSV text (rows of cells) encoded in the given charset, with CRLF like Excel. */
    public static byte[] csv(Charset charset, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder();
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                String cell = row.get(i);
                if (cell.contains(",") || cell.contains("\"") || cell.contains("\n")) {
                    cell = "\"" + cell.replace("\"", "\"\"") + "\"";
                }
                sb.append(cell);
            }
            sb.append("\r\n");
        }
        return sb.toString().getBytes(charset);
    }

    public static byte[] csv(List<List<String>> rows) {
        return csv(StandardCharsets.UTF_8, rows);
    }

    public static byte[] gb18030(List<List<String>> rows) {
        return csv(Charset.forName("GB18030"), rows);
    }

    /** An XLSX workbook with one sheet holding the rows; cells that look like whole numbers become numeric cells. */
    public static byte[] xlsx(List<List<String>> rows) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("Sheet1");
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    String v = rows.get(r).get(c);
                    if (r > 0 && v.matches("[1-9][0-9]{0,10}")) {
                        row.createCell(c).setCellValue(Double.parseDouble(v));
                    } else if (!v.isEmpty()) {
                        row.createCell(c).setCellValue(v);
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small unit tree: two top-level units with children. */
    public static List<List<String>> units() {
        return List.of(
                List.of("单位编码", "单位名称", "上级单位编码", "应参赛人数"),
                List.of("U1", "市教育局", "", "300"),
                List.of("U1-1", "第一中学", "U1", ""),
                List.of("U1-1-1", "第一中学初中部", "U1-1", ""),
                List.of("U2", "东城区", "", "500"),
                List.of("U2-1", "东城区街道办", "U2", ""));
    }

    /** A small good bank: single, multiple and true/false questions. */
    public static List<List<String>> bank() {
        return List.of(
                List.of("题号", "题型", "题干", "选项A", "选项B", "选项C", "选项D", "答案", "分值", "分类", "解析"),
                List.of("Q1", "单选", "森林火警电话是？", "12119", "110", "120", "122", "A", "1", "应急常识", "12119"),
                List.of("Q2", "多选", "燃烧三要素包括？", "可燃物", "风", "助燃物", "着火源", "A,C,D", "2", "火灾预防", ""),
                List.of("Q3", "判断", "扑火应站在火头正前方。", "", "", "", "", "错", "1", "扑救与避险", ""),
                List.of("Q4", "单选", "油锅起火应当？", "泼水", "盖锅盖", "用嘴吹", "端走", "B", "", "应急常识", ""),
                List.of("Q5", "判断", "电器着火应先断电。", "", "", "", "", "√", "1", "应急常识", ""),
                List.of("Q6", "多选", "野外禁止的行为有？", "上坟烧纸", "燃放烟花", "烧荒", "巡护", "ABC", "2", "野外用火", ""));
    }
}
