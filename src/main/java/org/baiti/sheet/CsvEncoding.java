package org.baiti.sheet;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Row by row, whether a CSV's bytes are text in the encoding it is read in — so that a file whose rows were pasted
 * together from a UTF-8 and a GBK source, or that holds bytes no encoding reads, is refused with the rows named
 * instead of being imported as mojibake or U+FFFD.
 *
 * <p>Rows are cut from the raw bytes where the CSV parser cuts them (a line end outside quotes): a quote and a line
 * feed are single bytes that never occur inside a UTF-8 or GB18030 multi-byte character. A file that is all valid
 * UTF-8 is never looked at here. Otherwise the rows that hold non-ASCII bytes vote: a majority of valid UTF-8 rows
 * means the file is UTF-8 and the other rows are wrong; else it is GB18030 and the wrong rows are those it cannot
 * decode and those that are UTF-8 Chinese — valid UTF-8 whose GB18030 reading has characters outside GB2312, which
 * real GBK names almost never have.
 */
final class CsvEncoding {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final int MAX_ERRORS = 1000;

    private CsvEncoding() {
    }

    /** Row errors of a file read as UTF-8 because of its byte order mark: the rows that are not UTF-8. */
    static List<RowError> checkUtf8(Path file, int skip) {
        List<RowError> errors = new ArrayList<>();
        forEachRow(file, skip, (row, bytes, length) -> {
            if (!validUtf8(bytes, length) && errors.size() < MAX_ERRORS) {
                errors.add(notUtf8(row));
            }
        });
        return errors;
    }

    /** Row errors of a file without a byte order mark that is not valid UTF-8 as a whole (see the class comment). */
    static List<RowError> checkMixed(Path file) {
        List<Integer> utf8Rows = new ArrayList<>();
        List<Integer> otherRows = new ArrayList<>();
        List<Integer> undecodable = new ArrayList<>();
        CharsetDecoder gb = GB18030.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharsetEncoder gb2312 = Charset.forName("GB2312").newEncoder();
        forEachRow(file, 0, (row, bytes, length) -> {
            if (!hasNonAscii(bytes, length)) {
                return;
            }
            CharBuffer text;
            try {
                text = gb.reset().decode(ByteBuffer.wrap(bytes, 0, length));
            } catch (CharacterCodingException e) {
                text = null;
            }
            if (validUtf8(bytes, length)) {
                if (text == null || !allGb2312(text, gb2312)) {
                    utf8Rows.add(row);
                }
                return;
            }
            otherRows.add(row);
            if (text == null) {
                undecodable.add(row);
            }
        });
        List<RowError> errors = new ArrayList<>();
        if (utf8Rows.size() > otherRows.size()) {
            for (int row : otherRows) {
                if (errors.size() < MAX_ERRORS) {
                    errors.add(notUtf8(row));
                }
            }
            return errors;
        }
        List<Integer> rows = new ArrayList<>(utf8Rows);
        rows.addAll(undecodable);
        rows.sort(null);
        for (int row : rows) {
            if (errors.size() >= MAX_ERRORS) {
                break;
            }
            errors.add(RowError.of(row, "", undecodable.contains(row) ? "row.encoding.not_gbk" : "row.encoding.utf8_in_gbk"));
        }
        return errors;
    }

    private static RowError notUtf8(int row) {
        return RowError.of(row, "", "row.encoding.not_utf8");
    }

    interface RowBytes {
        void accept(int row, byte[] bytes, int length);
    }

    /** Cuts the file into CSV rows as the parser does (RFC 4180 quotes; CR LF, LF or CR end a row). */
    static void forEachRow(Path file, int skip, RowBytes rows) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            in.skipNBytes(skip);
            Row row = new Row();
            boolean quoted = false;
            int number = 0;
            int b;
            boolean any = false;
            while ((b = in.read()) >= 0) {
                any = true;
                if (b == '"') {
                    quoted = !quoted;
                } else if (!quoted && (b == '\n' || b == '\r')) {
                    if (b == '\r') {
                        in.mark(1);
                        if (in.read() != '\n') {
                            in.reset();
                        }
                    }
                    rows.accept(++number, row.bytes(), row.length());
                    row.clear();
                    any = false;
                    continue;
                }
                row.write(b);
            }
            if (any) {
                rows.accept(++number, row.bytes(), row.length());
            }
        } catch (IOException e) {
            throw SheetException.file("row.file.unreadable", e);
        }
    }

    private static final class Row extends ByteArrayOutputStream {
        byte[] bytes() {
            return buf;
        }

        int length() {
            return count;
        }

        void clear() {
            reset();
        }
    }

    private static boolean hasNonAscii(byte[] b, int length) {
        for (int i = 0; i < length; i++) {
            if (b[i] < 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean allGb2312(CharBuffer text, CharsetEncoder gb2312) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 && !gb2312.canEncode(c)) {
                return false;
            }
        }
        return true;
    }

    /** Strict UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF). */
    static boolean validUtf8(byte[] b, int length) {
        int i = 0;
        while (i < length) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int n;
            int min;
            if (c >= 0xC2 && c <= 0xDF) {
                n = 1;
                min = 0x80;
            } else if (c >= 0xE0 && c <= 0xEF) {
                n = 2;
                min = 0x800;
            } else if (c >= 0xF0 && c <= 0xF4) {
                n = 3;
                min = 0x10000;
            } else {
                return false;
            }
            if (i + n >= length) {
                return false;
            }
            int cp = c & (0x3F >> n);
            for (int k = 1; k <= n; k++) {
                int t = b[i + k] & 0xFF;
                if ((t & 0xC0) != 0x80) {
                    return false;
                }
                cp = (cp << 6) | (t & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return false;
            }
            i += n + 1;
        }
        return true;
    }
}
