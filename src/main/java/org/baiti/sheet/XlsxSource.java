package org.baiti.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the first worksheet of an XLSX file with POI's streaming (SAX) API, so memory does not grow
 * with the number of rows; only the shared-strings table is held. POI's zip-bomb limits
 * ({@code ZipSecureFile}) stay at their defaults.
 *
 * <p>Cells come out as the text a person sees, with these exceptions: a whole number in General
 * (or Text) format is written out in full, e.g. phone 13812345678 as {@code 13812345678}, up to 15
 * digits (beyond that Excel has already lost digits, so POI's {@code 1.23457E+17} form is kept to
 * make the loss visible); a date is ISO-8601 ({@code 2024-03-01}, {@code 2024-03-01T08:30:00}, or
 * {@code 08:30:00} for a time alone); a formula gives its cached result; a boolean is
 * {@code TRUE}/{@code FALSE}; an error value reads {@code ERROR:#DIV/0!} and the like.
 */
final class XlsxSource {

    /** Excel's last column, XFD. */
    private static final int MAX_COLUMN = 16_383;

    private XlsxSource() {
    }

    static void read(Path file, RowAssembler rows) {
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (Exception e) {
            throw unreadable(e);
        }
        RowCollector collector = new RowCollector(rows);
        try {
            XSSFReader reader = new XSSFReader(pkg);
            boolean date1904 = isDate1904(reader);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            if (styles == null) {
                styles = new StylesTable(); // default style: numbers still go through the formatter
            }
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            if (!sheets.hasNext()) {
                throw SheetException.file("row.file.no_sheet");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(
                        styles, strings, collector, new CellFormatter(date1904), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (SheetException e) {
            throw e;
        } catch (Exception e) {
            if (collector.failure != null) {
                throw collector.failure; // the importer's own exception, or a header error
            }
            throw unreadable(e);
        } finally {
            pkg.revert(); // read-only: close without saving
        }
        if (collector.failure != null) {
            throw collector.failure;
        }
    }

    private static SheetException unreadable(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.toLowerCase(Locale.ROOT).contains("zip bomb")) {
                return SheetException.file("row.file.zip_bomb", e);
            }
        }
        return SheetException.file("row.file.corrupt_xlsx", e);
    }

    private static boolean isDate1904(XSSFReader reader) throws Exception {
        boolean[] date1904 = {false};
        try (InputStream workbook = reader.getWorkbookData()) {
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes) {
                    if ("workbookPr".equals(localName)) {
                        String value = attributes.getValue("date1904");
                        date1904[0] = "1".equals(value) || "true".equalsIgnoreCase(value);
                    }
                }
            });
            parser.parse(new InputSource(workbook));
        }
        return date1904[0];
    }

    /** Gathers the sparse cells POI reports into one positional row and hands it on. */
    private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final RowAssembler rows;
        private final List<String> cells = new ArrayList<>();
        private int lastColumn = -1;
        RuntimeException failure;

        RowCollector(RowAssembler rows) {
            this.rows = rows;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
            lastColumn = -1;
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int column = reference == null ? lastColumn + 1 : columnIndex(reference);
            lastColumn = column;
            if (formattedValue == null || column < 0 || column > MAX_COLUMN) {
                return;
            }
            while (cells.size() <= column) {
                cells.add(null);
            }
            cells.set(column, formattedValue);
        }

        @Override
        public void endRow(int rowNum) {
            if (failure != null) {
                throw new IllegalStateException("reading stopped", failure);
            }
            try {
                rows.accept(rowNum + 1, cells);
            } catch (RuntimeException e) {
                failure = e;
                throw new IllegalStateException("reading stopped", e); // unwinds the SAX parser
            }
        }

        /** 0-based column of a reference like {@code AB12}; -1 if it has no letters. */
        private static int columnIndex(String reference) {
            int column = 0;
            int letters = 0;
            for (int i = 0; i < reference.length(); i++) {
                char c = Character.toUpperCase(reference.charAt(i));
                if (c < 'A' || c > 'Z') {
                    break;
                }
                column = column * 26 + (c - 'A' + 1);
                if (++letters > 3) {
                    return -1;
                }
            }
            return column - 1;
        }
    }

    /** POI's formatter, except whole numbers in General format and dates (see class comment). */
    private static final class CellFormatter extends DataFormatter {

        private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
        private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd");
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

        private final boolean date1904;

        CellFormatter(boolean date1904) {
            super(Locale.US);
            this.date1904 = date1904;
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return formatRawCellContents(value, formatIndex, formatString, date1904);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString,
                                            boolean use1904Windowing) {
            if (formatString != null && DateUtil.isADateFormat(formatIndex, formatString)
                    && DateUtil.isValidExcelDate(value)) {
                LocalDateTime dateTime = DateUtil.getLocalDateTime(value, date1904, true);
                if (value < 1) {
                    return TIME.format(dateTime);
                }
                return dateTime.toLocalTime().equals(LocalTime.MIDNIGHT) ? DATE.format(dateTime) : DATE_TIME.format(dateTime);
            }
            if (isGeneral(formatIndex, formatString) && value == Math.rint(value) && Math.abs(value) < 1e15) {
                return Long.toString((long) value);
            }
            return super.formatRawCellContents(value, formatIndex, formatString, date1904);
        }

        private static boolean isGeneral(int formatIndex, String formatString) {
            return formatIndex == 0 || formatString == null
                    || "general".equalsIgnoreCase(formatString) || "@".equals(formatString);
        }
    }
}
