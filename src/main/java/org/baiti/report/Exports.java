package org.baiti.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Tables as XLSX (one sheet, bold header) or CSV (UTF-8 with BOM so Excel opens Chinese text right). A cell's Java type
 * says what it is: whole numbers ({@link Long}, {@link Integer}) and shown figures ({@link BigDecimal}, e.g. a percent
 * with one decimal) are numbers, written with their decimals; raw values ({@link Double}: fractions) are numbers in
 * full precision; anything else is text; {@code null} is an empty cell. Numbers are never text, so Excel can sum them,
 * and a missing value is an empty cell with its reason in a separate note column, never a word in a numeric column.
 */
final class Exports {

    private Exports() {
    }

    static byte[] xlsx(String sheetName, List<String> header, List<List<Object>> rows) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = wb.createSheet(sheetName);
            XSSFCellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            Map<Integer, XSSFCellStyle> decimals = new HashMap<>();
            XSSFRow h = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                h.createCell(i).setCellValue(header.get(i));
                h.getCell(i).setCellStyle(bold);
            }
            for (int r = 0; r < rows.size(); r++) {
                XSSFRow row = sheet.createRow(r + 1);
                List<Object> cells = rows.get(r);
                for (int i = 0; i < cells.size(); i++) {
                    Object v = cells.get(i);
                    if (v == null) {
                        continue;
                    }
                    XSSFCell cell = row.createCell(i);
                    if (v instanceof BigDecimal d) {
                        cell.setCellValue(d.doubleValue());
                        if (d.scale() > 0) { // shown with its decimals: 0.3 stays "0.3", 100.0 stays "100.0"
                            cell.setCellStyle(decimals.computeIfAbsent(d.scale(), scale -> {
                                XSSFCellStyle style = wb.createCellStyle();
                                style.setDataFormat(wb.createDataFormat().getFormat("0." + "0".repeat(scale)));
                                return style;
                            }));
                        }
                    } else if (v instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else {
                        cell.setCellValue(String.valueOf(v));
                    }
                }
            }
            for (int i = 0; i < header.size(); i++) {
                sheet.setColumnWidth(i, 18 * 256);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] csv(List<String> header, List<List<Object>> rows) {
        StringBuilder sb = new StringBuilder("\uFEFF");
        line(sb, header.stream().map(Object.class::cast).toList());
        rows.forEach(r -> line(sb, r));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A number as CSV writes it: plain digits, no grouping, no exponent; a raw double in its shortest exact form. */
    static String plain(Number n) {
        if (n instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (n instanceof Double || n instanceof Float) {
            return BigDecimal.valueOf(n.doubleValue()).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(n.longValue());
    }

    private static void line(StringBuilder sb, List<Object> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            Object cell = cells.get(i);
            if (cell instanceof Number n) {
                sb.append(plain(n));
                continue;
            }
            String v = cell == null ? "" : String.valueOf(cell);
            // Text starting with =, +, - or @ would be read as a formula by Excel: neutralize it.
            if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?[0-9.]+")) {
                v = "'" + v;
            }
            if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
                v = "\"" + v.replace("\"", "\"\"") + "\"";
            }
            sb.append(v);
        }
        sb.append("\r\n");
    }
}
