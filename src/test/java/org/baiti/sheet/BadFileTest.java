package org.baiti.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.baiti.sheet.Fixtures.readAll;
import static org.baiti.sheet.Fixtures.write;
import static org.baiti.testing.Words.en;
import static org.baiti.testing.Words.zh;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BadFileTest {

    @TempDir
    Path dir;

    private static byte[] validXlsx() {
        XSSFWorkbook wb = new XSSFWorkbook();
        var sheet = wb.createSheet("S");
        var header = sheet.createRow(0);
        header.createCell(0).setCellValue("准考证号");
        header.createCell(1).setCellValue("姓名");
        for (int r = 1; r <= 200; r++) {
            var row = sheet.createRow(r);
            row.createCell(0).setCellValue("A" + r);
            row.createCell(1).setCellValue("姓名" + r);
        }
        return Fixtures.bytes(wb);
    }

    private static RowError onlyError(Path file) {
        try {
            readAll(file);
        } catch (SheetException e) {
            assertThat(e.errors()).hasSize(1);
            return e.errors().get(0);
        }
        throw new AssertionError("expected a SheetException");
    }

    @Test
    void anOldXlsFileIsRefusedWithAClearMessage() {
        byte[] ole2 = new byte[1024];
        byte[] magic = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(magic, 0, ole2, 0, magic.length);

        RowError error = onlyError(write(dir, "old.xls", ole2));

        assertThat(error).isEqualTo(RowError.file("row.file.old_xls"));
        assertThat(zh(error)).isEqualTo("不支持旧版 .xls 格式，请另存为 .xlsx 或 CSV");
        assertThat(en(error)).isEqualTo("the old .xls format is not supported; save the file as .xlsx or CSV");
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThat(zh(onlyError(write(dir, "empty.csv", new byte[0])))).isEqualTo("文件是空的");
        assertThatThrownBy(() -> SheetReader.read(new ByteArrayInputStream(new byte[0]), "e.xlsx", Fixtures.COLUMNS, r -> { }))
                .isInstanceOf(SheetException.class)
                .hasMessageContaining("row.file.empty");
    }

    @Test
    void aMissingFileIsASheetException() {
        assertThatThrownBy(() -> readAll(dir.resolve("nope.csv")))
                .isInstanceOf(SheetException.class)
                .hasMessageContaining("row.file.unreadable");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 2024})
    void randomGarbageIsASheetException(long seed) {
        byte[] garbage = new byte[10_000];
        new Random(seed).nextBytes(garbage);

        assertThatThrownBy(() -> readAll(write(dir, "garbage.bin", garbage))).isInstanceOf(SheetException.class);
        byte[] zipLike = Fixtures.concat(new byte[] {'P', 'K', 3, 4}, garbage);
        assertThatThrownBy(() -> readAll(write(dir, "garbage.xlsx", zipLike))).isInstanceOf(SheetException.class);
    }

    @Test
    void binaryWithoutAKnownMagicIsUnrecognised() {
        byte[] binary = "\u0000\u0001\u0002abc".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(en(onlyError(write(dir, "x.dat", binary)))).contains("unrecognised file format");
    }

    @Test
    void aTruncatedXlsxIsASheetException() {
        byte[] valid = validXlsx();
        assertThat(readAll(write(dir, "valid.xlsx", valid))).hasSize(200);

        byte[] half = Arrays.copyOf(valid, valid.length / 2);

        assertThat(en(onlyError(write(dir, "half.xlsx", half)))).contains("cannot read the .xlsx file");
    }

    @Test
    void aZipThatIsNotAWorkbookIsASheetException() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("准考证号,姓名".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }

        assertThat(zh(onlyError(write(dir, "notes.zip", bytes.toByteArray())))).isEqualTo("无法读取 .xlsx 文件，文件可能已损坏");
    }

    @Test
    void aZipBombIsRefusedByPoisDefaultLimits() throws IOException {
        // A valid workbook whose sheet XML is padded with 40 MB of spaces: it compresses over 1000:1,
        // far past POI's default minimum inflate ratio of 1%.
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(validXlsx()));
             ZipOutputStream out = new ZipOutputStream(bomb)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    int cut = xml.indexOf("<sheetData>");
                    out.write(xml.substring(0, cut).getBytes(StandardCharsets.UTF_8));
                    byte[] spaces = new byte[1 << 20];
                    Arrays.fill(spaces, (byte) ' ');
                    for (int i = 0; i < 40; i++) {
                        out.write(spaces);
                    }
                    out.write(xml.substring(cut).getBytes(StandardCharsets.UTF_8));
                } else {
                    out.write(content);
                }
                out.closeEntry();
            }
        }

        RowError error = onlyError(write(dir, "bomb.xlsx", bomb.toByteArray()));

        assertThat(error.key()).isEqualTo("row.file.zip_bomb");
        assertThat(en(error)).contains("zip bomb");
    }

    @Test
    void unreadableMessagesAreInOneLanguageEach() {
        List<RowError> errors = List.of(
                onlyError(write(dir, "a.xlsx", Arrays.copyOf(validXlsx(), 100))),
                onlyError(write(dir, "b.csv", new byte[0])));

        assertThat(errors).allSatisfy(e -> {
            assertThat(zh(e)).containsPattern("\\p{IsHan}").doesNotContain(" / ").doesNotContainPattern("[a-z]{2,} [a-z]{2,}");
            assertThat(en(e)).matches("[\\p{ASCII}]+");
        });
    }
}
