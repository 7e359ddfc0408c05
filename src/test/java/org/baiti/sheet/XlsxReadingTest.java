package org.baiti.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.baiti.sheet.Fixtures.readAll;
import static org.baiti.sheet.Fixtures.write;

import java.io.ByteArrayInputStream;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Path;

class XlsxReadingTest {

    private static final Column DATE = Column.optional("date", "日期", "date");
    private static final Column TIME = Column.optional("time", "时间", "time");
    private static final Column PASSED = Column.optional("passed", "通过", "passed");
    private static final Column LABEL = Column.optional("label", "标签", "label");
    private static final List<Column> COLUMNS = List.of(
            Fixtures.TICKET, Fixtures.NAME, Fixtures.PHONE, Fixtures.SCORE, DATE, TIME, PASSED, LABEL);

    @TempDir
    Path dir;

    /** Columns (0-based): 备注 | 准考证号 | 姓名 | 手机号 | 成绩 | 日期 | 时间 | 通过 | 标签 — the unknown one first. */
    private static byte[] results() {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet sheet = wb.createSheet("成绩");
        CellStyle dateStyle = wb.createCellStyle();
        dateStyle.setDataFormat(wb.createDataFormat().getFormat("yyyy/m/d"));
        CellStyle dateTimeStyle = wb.createCellStyle();
        dateTimeStyle.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
        CellStyle timeStyle = wb.createCellStyle();
        timeStyle.setDataFormat(wb.createDataFormat().getFormat("h:mm"));
        CellStyle twoDecimals = wb.createCellStyle();
        twoDecimals.setDataFormat(wb.createDataFormat().getFormat("0.00"));

        Row header = sheet.createRow(0);
        String[] names = {"备注", "准考证号", " 姓名 ", "手机号", "成绩", "日期", "时间", "通过", "标签"};
        for (int i = 0; i < names.length; i++) {
            header.createCell(i).setCellValue(names[i]);
        }

        Row r2 = sheet.createRow(1); // sheet row 2
        r2.createCell(0).setCellValue("ignored");
        r2.createCell(1).setCellValue(202400000001d); // 12-digit ticket stored as a number
        r2.createCell(2).setCellValue("张三");
        r2.createCell(3).setCellValue(13812345678d); // phone stored as a number
        r2.createCell(4).setCellValue(95);
        r2.createCell(5).setCellValue(LocalDateTime.of(2024, 3, 1, 0, 0));
        r2.getCell(5).setCellStyle(dateStyle);
        r2.createCell(6).setCellValue(LocalDateTime.of(1900, 1, 1, 8, 30).toLocalTime().toSecondOfDay() / 86400.0);
        r2.getCell(6).setCellStyle(timeStyle);
        r2.createCell(7).setCellValue(true);
        r2.createCell(8).setCellFormula("\"A\"&\"B\"");

        Row r3 = sheet.createRow(2); // sheet row 3
        r3.createCell(1).setCellValue("A002");
        r3.createCell(2).setCellValue("\u3000李四 ");
        r3.createCell(3).setCellValue("13900000000");
        r3.createCell(4).setCellFormula("E2-7"); // cached result 88
        r3.createCell(5).setCellValue(LocalDateTime.of(2024, 3, 2, 14, 5, 9));
        r3.getCell(5).setCellStyle(dateTimeStyle);
        r3.createCell(7).setCellValue(false);
        r3.createCell(8).setCellValue(3.5);
        r3.getCell(8).setCellStyle(twoDecimals);

        Row r4 = sheet.createRow(3); // sheet row 4: blank in the middle (empty and whitespace cells)
        r4.createCell(1).setCellValue("");
        r4.createCell(2).setCellValue("  ");
        // sheet row 5 does not exist at all

        Row r6 = sheet.createRow(5); // sheet row 6
        r6.createCell(1).setCellValue("A003");
        r6.createCell(2).setCellValue("王五");
        r6.createCell(4).setCellValue(88.5);
        r6.createCell(8).setCellFormula("D2/2"); // 6906172839 — a formula giving a big whole number

        for (int r = 6; r < 12; r++) { // blank trailing rows: styled, empty strings, spaces
            Row blank = sheet.createRow(r);
            blank.createCell(1).setCellValue(r % 2 == 0 ? "" : " \u3000 ");
            blank.createCell(3).setCellStyle(dateStyle);
        }

        Sheet second = wb.createSheet("Other");
        second.createRow(0).createCell(0).setCellValue("准考证号");
        second.createRow(1).createCell(0).setCellValue("NOT-READ");

        wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        return Fixtures.bytes(wb);
    }

    private static SheetRow row(int number, String ticket, String name, String phone, String score,
                                String date, String time, String passed, String label) {
        return new SheetRow(number, Map.of("ticket", ticket, "name", name, "phone", phone, "score", score,
                "date", date, "time", time, "passed", passed, "label", label));
    }

    @Test
    void readsTheFirstSheetAsAPersonSeesIt() {
        List<SheetRow> rows = readAll(write(dir, "成绩.xlsx", results()), COLUMNS);

        assertThat(rows).containsExactly(
                row(2, "202400000001", "张三", "13812345678", "95", "2024-03-01", "08:30:00", "TRUE", "AB"),
                row(3, "A002", "李四", "13900000000", "88", "2024-03-02T14:05:09", "", "FALSE", "3.50"),
                row(6, "A003", "王五", "", "88.5", "", "", "", "6906172839"));
    }

    @Test
    void contentDecidesTheTypeNotTheName() {
        List<SheetRow> rows = new ArrayList<>();

        SheetReader.read(new ByteArrayInputStream(results()), "upload.csv", COLUMNS, rows::add);

        assertThat(rows).extracting(SheetRow::rowNumber).containsExactly(2, 3, 6);
    }

    @Test
    void anExceptionFromTheConsumerPropagatesUnchanged() {
        Path file = write(dir, "r.xlsx", results());
        UnsupportedOperationException stop = new UnsupportedOperationException("stop");

        assertThatThrownBy(() -> SheetReader.read(file, COLUMNS, row -> {
            throw stop;
        })).isSameAs(stop);
    }

    @Test
    void aMissingColumnInAnXlsxHeaderIsReportedAtRowOne() {
        XSSFWorkbook wb = new XSSFWorkbook();
        Row header = wb.createSheet().createRow(0);
        header.createCell(0).setCellValue("准考证号");
        Path file = write(dir, "h.xlsx", Fixtures.bytes(wb));

        assertThatThrownBy(() -> readAll(file, COLUMNS))
                .isInstanceOf(SheetException.class)
                .satisfies(e -> assertThat(((SheetException) e).errors())
                        .extracting(RowError::row, RowError::column)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "姓名")));
    }

    @Test
    void anEmptyWorkbookHasNoHeaderRow() {
        XSSFWorkbook wb = new XSSFWorkbook();
        wb.createSheet();
        Path file = write(dir, "empty.xlsx", Fixtures.bytes(wb));

        assertThatThrownBy(() -> readAll(file, COLUMNS))
                .isInstanceOf(SheetException.class)
                .hasMessageContaining("row.file.no_header");
    }

    @Test
    void handmadeXlsxWithoutStylesOrCellReferences() {
        // Written the way some non-Excel tools do: inline strings, no r attributes, no styles part,
        // and a number in Java's scientific notation.
        String rows = "<row><c t=\"inlineStr\"><is><t>准考证号</t></is></c><c t=\"inlineStr\"><is><t>姓名</t></is></c>"
                + "<c t=\"inlineStr\"><is><t>手机号</t></is></c></row>"
                + "<row><c><v>1001</v></c><c t=\"inlineStr\"><is><t> 赵六 </t></is></c><c><v>1.3812345678E10</v></c></row>"
                + "<row r=\"5\"><c r=\"A5\" t=\"str\"><f>X</f><v>1002</v></c><c r=\"B5\" t=\"inlineStr\"><is><t>钱七</t></is></c></row>";
        Path file = write(dir, "handmade.xlsx", Fixtures.handmadeXlsx(null, false, rows));

        assertThat(readAll(file)).containsExactly(
                Fixtures.row(2, "1001", "赵六", "13812345678", ""),
                Fixtures.row(5, "1002", "钱七", "", ""));
    }

    @Test
    void the1904DateSystemIsHonoured() {
        String styles = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
                + "<fills count=\"1\"><fill><patternFill patternType=\"none\"/></fill></fills>"
                + "<borders count=\"1\"><border/></borders>"
                + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
                + "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
                + "<xf numFmtId=\"14\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs>"
                + "</styleSheet>";
        String rows = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>准考证号</t></is></c>"
                + "<c r=\"B1\" t=\"inlineStr\"><is><t>姓名</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>成绩</t></is></c></row>"
                + "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"B2\" t=\"inlineStr\"><is><t>x</t></is></c>"
                + "<c r=\"C2\" s=\"1\"><v>1</v></c></row>";

        assertThat(readAll(write(dir, "d1904.xlsx", Fixtures.handmadeXlsx(styles, true, rows))))
                .containsExactly(Fixtures.row(2, "1", "x", "", "1904-01-02"));
        assertThat(readAll(write(dir, "d1900.xlsx", Fixtures.handmadeXlsx(styles, false, rows))))
                .containsExactly(Fixtures.row(2, "1", "x", "", "1900-01-01"));
    }

    @Test
    void wholeNumbersBeyondExcelsPrecisionStayVisiblyRounded() {
        // An 18-digit ID typed into a General cell has already lost its last digits in Excel;
        // it must not come back as a plausible-looking but wrong number.
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet sheet = wb.createSheet();
        sheet.createRow(0).createCell(0).setCellValue("准考证号");
        sheet.getRow(0).createCell(1).setCellValue("姓名");
        sheet.createRow(1).createCell(0).setCellValue(110101199003077777d);
        sheet.getRow(1).createCell(1).setCellValue(-42);

        assertThat(readAll(write(dir, "id.xlsx", Fixtures.bytes(wb))))
                .containsExactly(Fixtures.row(2, "1.10101E+17", "-42", "", ""));
    }
}
