package org.baiti.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads an uploaded CSV or XLSX file row by row, matching the header row against the importer's
 * {@link Column}s; the single entry point of this package.
 *
 * <p>The type comes from the content, not the name: a ZIP ({@code PK\3\4}) is read as XLSX (first
 * worksheet only), an old OLE2 {@code .xls} is refused with a clear message, anything else is read as
 * CSV (UTF-8 with or without BOM, GB18030/GBK, or UTF-16 with BOM; see {@link CsvSource}). The first
 * non-blank row is the header (normally row 1); blank rows are skipped but still counted, so
 * {@link SheetRow#rowNumber()} is the row number the person sees in Excel.
 *
 * <p>Reading streams: memory does not grow with the number of rows (CSV is read twice, once to
 * detect the encoding, once to parse). Rows are handed to the consumer as they are read, so when the
 * file turns out to be corrupt half-way the consumer has already seen the rows before; importers
 * validate everything before they write anything. An exception thrown by the consumer stops the
 * reading and propagates unchanged.
 */
public final class SheetReader {

    private static final int HEAD = 8 * 1024;

    private SheetReader() {
    }

    /**
     * Reads {@code file} and calls {@code rows} for every non-blank data row, in order.
     *
     * @throws SheetException if the file is not a readable CSV/XLSX, is empty, has no header row, or
     *                        its header lacks a required column or names one twice
     */
    public static void read(Path file, List<Column> columns, Consumer<SheetRow> rows) throws SheetException {
        Objects.requireNonNull(file, "file");
        RowAssembler assembler = new RowAssembler(columns, rows);
        byte[] head = new byte[HEAD];
        int length;
        try (InputStream in = Files.newInputStream(file)) {
            length = in.readNBytes(head, 0, HEAD);
        } catch (IOException e) {
            throw SheetException.file("row.file.unreadable", e);
        }
        if (length == 0) {
            throw SheetException.file("row.file.empty");
        }
        if (CsvSource.startsWith(head, length, 'P', 'K', 3, 4)) {
            XlsxSource.read(file, assembler);
        } else if (CsvSource.startsWith(head, length, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw SheetException.file("row.file.old_xls");
        } else {
            CsvSource.read(file, head, length, assembler);
        }
        assembler.finish();
    }

    /**
     * Like {@link #read(Path, List, Consumer)} for an upload: copies {@code in} to a temporary file
     * (XLSX needs random access, CSV two passes), reads it, and deletes it. Does not close {@code in}.
     *
     * @param fileName the name the file was uploaded under; informational only (the content decides
     *                 the type), may be {@code null}
     */
    public static void read(InputStream in, String fileName, List<Column> columns, Consumer<SheetRow> rows)
            throws SheetException {
        read(in, fileName, columns, rows, null);
    }

    /** As {@link #read(InputStream, String, List, Consumer)}, spooling into {@code tempDir} (null: the default). */
    static void read(InputStream in, String fileName, List<Column> columns, Consumer<SheetRow> rows, Path tempDir) {
        Objects.requireNonNull(in, "in");
        Path spool = null;
        try {
            try {
                String suffix = suffixOf(fileName);
                spool = tempDir == null
                        ? Files.createTempFile("baiti-sheet-", suffix)
                        : Files.createTempFile(tempDir, "baiti-sheet-", suffix);
                try (OutputStream out = Files.newOutputStream(spool)) {
                    in.transferTo(out);
                }
            } catch (IOException e) {
                throw SheetException.file("row.file.upload_failed", e);
            }
            read(spool, columns, rows);
        } finally {
            if (spool != null) {
                try {
                    Files.deleteIfExists(spool);
                } catch (IOException ignored) {
                    spool.toFile().deleteOnExit();
                }
            }
        }
    }

    /** A safe temp-file suffix from the upload's name: ".xlsx", ".csv", ... or ".upload". */
    private static String suffixOf(String fileName) {
        if (fileName != null) {
            int dot = fileName.lastIndexOf('.');
            String ext = dot >= 0 ? fileName.substring(dot + 1) : "";
            if (!ext.isEmpty() && ext.length() <= 5 && ext.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c))) {
                return "." + ext;
            }
        }
        return ".upload";
    }
}
