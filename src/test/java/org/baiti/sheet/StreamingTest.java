package org.baiti.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Big files are read row by row; the consumers here keep nothing but a counter. */
class StreamingTest {

    @TempDir
    Path dir;

    @Test
    void aCsvOf300000RowsIsReadByCounting() throws IOException {
        int rows = 300_000;
        Path file = dir.resolve("big.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("准考证号,姓名,手机号,成绩\r\n");
            for (int i = 0; i < rows; i++) {
                out.write("T" + i + ",考生" + i + "," + (13800000000L + i) + "," + (i % 101) + "\r\n");
            }
        }
        AtomicInteger count = new AtomicInteger();
        AtomicReference<SheetRow> last = new AtomicReference<>();

        SheetReader.read(file, Fixtures.COLUMNS, row -> {
            count.incrementAndGet();
            last.set(row);
        });

        assertThat(count).hasValue(rows);
        assertThat(last.get()).isEqualTo(Fixtures.row(rows + 1, "T299999", "考生299999", "13800299999", "29"));
    }

    @Test
    void aLargeXlsxIsReadWithTheEventApi() throws IOException {
        int rows = 30_000;
        Path file = dir.resolve("big.xlsx");
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet();
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("准考证号");
            header.createCell(1).setCellValue("姓名");
            header.createCell(2).setCellValue("手机号");
            for (int i = 1; i <= rows; i++) {
                Row row = sheet.createRow(i);
                row.createCell(0).setCellValue("T" + i);
                row.createCell(1).setCellValue("考生" + i);
                row.createCell(2).setCellValue(13800000000d + i);
            }
            wb.write(out);
        }
        AtomicInteger count = new AtomicInteger();
        AtomicReference<SheetRow> last = new AtomicReference<>();

        SheetReader.read(file, Fixtures.COLUMNS, row -> {
            count.incrementAndGet();
            last.set(row);
        });

        assertThat(count).hasValue(rows);
        assertThat(last.get()).isEqualTo(Fixtures.row(rows + 1, "T" + rows, "考生" + rows, "138000" + rows, ""));
    }
}
