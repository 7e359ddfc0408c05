package org.baiti.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.baiti.sheet.Fixtures.COLUMNS;
import static org.baiti.sheet.Fixtures.readAll;
import static org.baiti.sheet.Fixtures.row;
import static org.baiti.sheet.Fixtures.write;
import static org.baiti.testing.Words.en;
import static org.baiti.testing.Words.zh;

import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvReadingTest {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** Chinese headers, values to trim, a blank line in the middle, blank lines at the end. */
    private static final String RESULTS = "准考证号,姓名,手机号,成绩\r\n"
            + "A001,张三,13812345678,95\r\n"
            + " A002 ,\u3000李四\u3000,,88.5\r\n"
            + "\r\n"
            + ",,,\r\n"
            + "A003,欧阳娜娜,13900000000,\"1,000\"\r\n"
            + "\r\n"
            + "  ,\t,,\r\n"
            + "\r\n";

    private static final List<SheetRow> EXPECTED = List.of(
            row(2, "A001", "张三", "13812345678", "95"),
            row(3, "A002", "李四", "", "88.5"),
            row(6, "A003", "欧阳娜娜", "13900000000", "1,000"));

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"UTF-8", "UTF-8-BOM", "GB18030", "GBK"})
    void everyEncodingReadsToTheSameRows(String encoding) {
        byte[] bytes = switch (encoding) {
            case "UTF-8" -> RESULTS.getBytes(StandardCharsets.UTF_8);
            case "UTF-8-BOM" -> Fixtures.concat(BOM, RESULTS.getBytes(StandardCharsets.UTF_8));
            default -> RESULTS.getBytes(Charset.forName(encoding));
        };

        assertThat(readAll(write(dir, "results.csv", bytes))).isEqualTo(EXPECTED);
    }

    @Test
    void gb18030WhoseFirstChineseCharacterComesAfterTheFirstMebibyteIsStillDecoded() throws IOException {
        Path file = dir.resolve("late.csv");
        int asciiRows = 60_000; // about 1.6 MiB of pure ASCII before the first Chinese character
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), GB18030))) {
            out.write("ticket,name,phone,score\r\n");
            for (int i = 0; i < asciiRows; i++) {
                out.write("T" + i + ",Name " + i + ",13800000000,1\r\n");
            }
            out.write("Z001,诸葛亮,13812345678,100\r\n");
        }
        assertThat(Files.size(file)).isGreaterThan(1024 * 1024);

        List<SheetRow> rows = readAll(file);

        assertThat(rows).hasSize(asciiRows + 1);
        assertThat(rows.get(asciiRows)).isEqualTo(row(asciiRows + 2, "Z001", "诸葛亮", "13812345678", "100"));
    }

    @Test
    void utf16WithBomAndTabsIsReadLikeExcelsUnicodeText() {
        String text = "\uFEFF准考证号\t姓名\r\nA001\t张三\r\n";
        Path file = write(dir, "unicode.txt", text.getBytes(StandardCharsets.UTF_16LE));

        assertThat(readAll(file)).containsExactly(row(2, "A001", "张三", "", ""));
    }

    @Test
    void aQuotedCellSpanningLinesIsOneRowAndLaterRowNumbersFollowExcel() {
        String text = "ticket,name\n\"A\n001\",\"Zhang, San\"\nA002,Li\n";

        assertThat(readAll(write(dir, "multi.csv", text.getBytes(StandardCharsets.UTF_8))))
                .containsExactly(row(2, "A\n001", "Zhang, San", "", ""), row(3, "A002", "Li", "", ""));
    }

    @Test
    void malformedQuotingIsASheetExceptionAtTheRow() {
        String text = "ticket,name\nA001,Zhang\n\"A002\"x,Li\n";
        Path file = write(dir, "bad.csv", text.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> readAll(file))
                .isInstanceOf(SheetException.class)
                .satisfies(e -> assertThat(((SheetException) e).errors())
                        .extracting(RowError::row).containsExactly(3));
    }

    @Test
    void headerWithoutDataRowsReadsNoRows() {
        Path file = write(dir, "header.csv", "准考证号,姓名\r\n\r\n".getBytes(StandardCharsets.UTF_8));

        assertThat(readAll(file)).isEmpty();
    }

    @Test
    void htmlSavedAsXlsIsRefusedClearly() {
        Path file = write(dir, "export.xls", "<html><body><table><tr><td>准考证号</td></tr></table>"
                .getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> readAll(file))
                .isInstanceOf(SheetException.class)
                .satisfies(e -> assertThat(((SheetException) e).errors()).singleElement().satisfies(error -> {
                    assertThat(zh(error)).isEqualTo("这是网页或 XML 文件而不是表格，请用 Excel 另存为 .xlsx 或 CSV");
                    assertThat(en(error)).contains("web page");
                }));
    }

    @Test
    void anExceptionFromTheConsumerPropagatesUnchanged() {
        Path file = write(dir, "results.csv", RESULTS.getBytes(StandardCharsets.UTF_8));
        IllegalStateException stop = new IllegalStateException("importer says stop");

        assertThatThrownBy(() -> SheetReader.read(file, COLUMNS, row -> {
            throw stop;
        })).isSameAs(stop);
    }

    @Test
    void readingAStreamSpoolsToATempFileAndDeletesIt(@TempDir Path spool) {
        byte[] bytes = RESULTS.getBytes(GB18030);
        List<SheetRow> rows = new ArrayList<>();

        SheetReader.read(new ByteArrayInputStream(bytes), "成绩.csv", COLUMNS, rows::add, spool);

        assertThat(rows).isEqualTo(EXPECTED);
        assertThat(spool).isEmptyDirectory();
    }

    @Test
    void theTempFileIsDeletedWhenReadingFails(@TempDir Path spool) {
        byte[] bytes = "姓名\r\n张三\r\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> SheetReader.read(new ByteArrayInputStream(bytes), null, COLUMNS, r -> { }, spool))
                .isInstanceOf(SheetException.class);
        assertThat(spool).isEmptyDirectory();
    }

    @Test
    void theDefaultStreamEntryPointWorks() {
        List<SheetRow> rows = new ArrayList<>();

        SheetReader.read(new ByteArrayInputStream(RESULTS.getBytes(StandardCharsets.UTF_8)), "x.csv", COLUMNS, rows::add);

        assertThat(rows).isEqualTo(EXPECTED);
    }

    @Test
    void theBomIsDroppedBeforeParsingSoAQuotedFirstHeaderStillMatches() {
        byte[] bytes = Fixtures.concat(BOM, "\"准考证号\",\"姓名\"\r\n\"A001\",\"张三\"\r\n".getBytes(StandardCharsets.UTF_8));

        assertThat(readAll(write(dir, "quoted.csv", bytes))).containsExactly(row(2, "A001", "张三", "", ""));
    }

    @Test
    void aCsvWhoseFirstHeaderStartsWithPkIsStillACsv() {
        Column pk = Column.required("pk", "PK编号", "pk");
        Path file = write(dir, "pk.csv", "PK编号\nP1\n".getBytes(StandardCharsets.UTF_8));

        assertThat(readAll(file, List.of(pk))).containsExactly(new SheetRow(2, java.util.Map.of("pk", "P1")));
    }
}
