package org.baiti.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.baiti.text.TextInput;

/** Properties of reading: CSV round trips and "only SheetException" for any bytes. */
class SheetProperties {

    private static final List<Column> COLUMNS = List.of(
            Column.required("a", "甲", "a"), Column.optional("b", "乙", "b"), Column.optional("c", "丙", "c"));

    @Provide
    Arbitrary<List<List<String>>> tables() {
        Arbitrary<String> cell = Arbitraries.oneOf(
                // any BMP text without NUL or surrogates: control characters, quotes, commas,
                // CR/LF, full-width spaces, Chinese, ...
                Arbitraries.strings().withCharRange('\u0001', '\uD7FF').ofMaxLength(12),
                Arbitraries.strings().withChars(" \t\r\n,\"\u3000\uFEFF中文aZ9").ofMaxLength(6));
        return cell.list().ofSize(3).list().ofMaxSize(15);
    }

    @Property(tries = 300)
    void csvWrittenByCommonsCsvReadsBackTrimmed(@ForAll("tables") List<List<String>> table,
                                                @ForAll boolean bom) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (bom) {
            bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
            printer.printRecord("甲", "b", "丙");
            for (List<String> row : table) {
                printer.printRecord(row);
            }
        }
        List<SheetRow> expected = new ArrayList<>();
        boolean refused = false;
        for (int i = 0; i < table.size(); i++) {
            List<String> row = table.get(i);
            if (!Text.allBlank(row)) {
                List<String> cells = row.stream().map(c -> TextInput.clean(Text.trim(c))).toList();
                refused |= cells.stream().anyMatch(c -> TextInput.problemOfText(c).isPresent());
                expected.add(new SheetRow(i + 2, java.util.Map.of("a", cells.get(0), "b", cells.get(1), "c", cells.get(2))));
            }
        }

        List<SheetRow> actual = new ArrayList<>();
        try {
            SheetReader.read(new ByteArrayInputStream(bytes.toByteArray()), "p.csv", COLUMNS, actual::add);
            assertThat(refused).as("a cell that breaks the text policy is refused").isFalse();
        } catch (SheetException e) {
            assertThat(refused).as("refused only for the text policy: %s", e.errors()).isTrue();
            return;
        }

        assertThat(actual).isEqualTo(expected);
    }

    @Property(tries = 200)
    void anyBytesGiveRowsOrASheetExceptionNeverAnotherException(@ForAll @Size(max = 3000) byte[] bytes,
                                                                 @ForAll("prefixes") byte[] prefix) {
        byte[] content = Fixtures.concat(prefix, bytes);
        try {
            SheetReader.read(new ByteArrayInputStream(content), "x", COLUMNS, row -> { });
        } catch (SheetException expected) {
            assertThat(expected.errors()).isNotEmpty();
        }
    }

    @Provide
    Arbitrary<byte[]> prefixes() {
        return Arbitraries.of(
                new byte[0],
                new byte[] {'P', 'K', 3, 4},
                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                new byte[] {(byte) 0xFF, (byte) 0xFE},
                "甲,乙\n".getBytes(StandardCharsets.UTF_8),
                "甲,乙\n".getBytes(java.nio.charset.Charset.forName("GB18030")));
    }
}
