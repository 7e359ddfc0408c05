package org.baiti.sheet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file row by row.
 *
 * <p>Encoding: a UTF-8 byte order mark means UTF-8 (the mark is dropped); a UTF-16 mark means
 * UTF-16 (what Excel's "Unicode text" writes). Otherwise the whole file is first run through a
 * strict UTF-8 decoder in one streaming pass (constant memory, roughly the cost of copying the
 * file); if every byte decodes, it is UTF-8, else GB18030 (a superset of GBK and GB2312, what Excel
 * on Chinese Windows writes). Checking only the first chunk is not enough: a file can be ASCII for
 * megabytes before its first Chinese name. GB18030 text that happens to be valid UTF-8 as well is
 * read as UTF-8; in practice that needs a file with only a few, specially chosen characters. A file that is neither
 * (rows pasted from both encodings, bytes no encoding reads) is refused with its rows named ({@link CsvEncoding}).
 *
 * <p>Delimiter: comma, unless the first line has tabs and no comma (Excel's "Unicode text"). Quoting
 * follows RFC 4180; a quoted cell may span lines and still counts as one row. Every line, empty or
 * not, counts as a row, so row numbers match what Excel shows when it opens the file.
 */
final class CsvSource {

    private static final int BUFFER = 64 * 1024;

    private CsvSource() {
    }

    static void read(Path file, byte[] head, int headLength, RowAssembler rows) {
        Charset charset;
        int skip = 0;
        if (startsWith(head, headLength, 0xEF, 0xBB, 0xBF)) {
            charset = StandardCharsets.UTF_8;
            skip = 3;
            if (!isStrictUtf8(file)) {
                throw new SheetException(CsvEncoding.checkUtf8(file, skip));
            }
        } else if (startsWith(head, headLength, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (startsWith(head, headLength, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        } else {
            for (int i = 0; i < headLength; i++) {
                if (head[i] == 0) {
                    throw SheetException.file("row.file.unknown_format");
                }
            }
            charset = StandardCharsets.UTF_8;
            if (!isStrictUtf8(file)) {
                List<RowError> errors = CsvEncoding.checkMixed(file);
                if (!errors.isEmpty()) {
                    throw new SheetException(errors);
                }
                charset = Charset.forName("GB18030");
            }
        }
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(skip);
            CharsetDecoder decoder = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder), BUFFER);
            char delimiter = sniffDelimiter(reader);
            CSVFormat format = CSVFormat.RFC4180.builder()
                    .setDelimiter(delimiter)
                    .setIgnoreEmptyLines(false)
                    .get();
            try (CSVParser parser = CSVParser.parse(reader, format)) {
                parse(parser, rows);
            }
        } catch (IOException e) {
            throw SheetException.file("row.file.unreadable", e);
        }
    }

    private static void parse(CSVParser parser, RowAssembler rows) {
        Iterator<CSVRecord> records = parser.iterator();
        int rowNumber = 0;
        while (true) {
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    return;
                }
                record = records.next();
            } catch (UncheckedIOException | IllegalStateException e) {
                throw new SheetException(RowError.of(rowNumber + 1, "", "row.file.malformed_csv"), e);
            }
            rowNumber++;
            rows.accept(rowNumber, Arrays.asList(record.values()));
        }
    }

    /** Looks at the first line (without consuming it): rejects HTML/XML, picks comma or tab. */
    private static char sniffDelimiter(BufferedReader reader) throws IOException {
        reader.mark(BUFFER);
        StringBuilder line = new StringBuilder();
        for (int c = reader.read(); c >= 0 && c != '\n' && c != '\r' && line.length() < BUFFER - 1; c = reader.read()) {
            line.append((char) c);
        }
        reader.reset();
        String first = Text.trim(line.toString());
        if (first.startsWith("<")) {
            throw SheetException.file("row.file.web_page");
        }
        return first.indexOf('\t') >= 0 && first.indexOf(',') < 0 ? '\t' : ',';
    }

    /** One streaming pass through a strict UTF-8 decoder; false at the first malformed byte. */
    static boolean isStrictUtf8(Path file) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(BUFFER);
        CharBuffer out = CharBuffer.allocate(BUFFER);
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            while (true) {
                boolean end = channel.read(in) < 0;
                in.flip();
                CoderResult result;
                do {
                    result = decoder.decode(in, out, end);
                    if (result.isError()) {
                        return false;
                    }
                    out.clear();
                } while (result.isOverflow());
                if (end) {
                    return !decoder.flush(out).isError();
                }
                in.compact();
            }
        } catch (IOException e) {
            throw SheetException.file("row.file.unreadable", e);
        }
    }

    static boolean startsWith(byte[] head, int length, int... prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((head[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
