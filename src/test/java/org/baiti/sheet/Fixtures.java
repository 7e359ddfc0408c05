package org.baiti.sheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Workbook;

/** Shared columns and file builders for the sheet tests. */
final class Fixtures {

    static final Column TICKET = Column.required("ticket", "准考证号", "ticket");
    static final Column NAME = Column.required("name", "姓名", "name");
    static final Column PHONE = Column.optional("phone", "手机号", "phone");
    static final Column SCORE = Column.optional("score", "成绩", "score");
    static final List<Column> COLUMNS = List.of(TICKET, NAME, PHONE, SCORE);

    private Fixtures() {
    }

    /** Reads everything into a list (fine for small test files). */
    static List<SheetRow> readAll(Path file, List<Column> columns) {
        List<SheetRow> rows = new ArrayList<>();
        SheetReader.read(file, columns, rows::add);
        return rows;
    }

    static List<SheetRow> readAll(Path file) {
        return readAll(file, COLUMNS);
    }

    static SheetRow row(int number, String ticket, String name, String phone, String score) {
        return new SheetRow(number, Map.of("ticket", ticket, "name", name, "phone", phone, "score", score));
    }

    static Path write(Path dir, String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(Workbook workbook) {
        try (workbook) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] result = new byte[a.length + b.length];
        System.arraycopy(a, 0, result, 0, a.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }

    /**
     * A minimal XLSX written by hand, the way other tools (not Excel, not POI) may write one.
     *
     * @param stylesXml  xl/styles.xml content, or null for a file without styles
     * @param date1904   whether workbook.xml declares the 1904 date system
     * @param sheetData  the rows, i.e. what goes inside {@code <sheetData>}
     */
    static byte[] handmadeXlsx(String stylesXml, boolean date1904, String sheetData) {
        String main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        String rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        String pkgRel = "http://schemas.openxmlformats.org/package/2006/relationships";
        String ct = "application/vnd.openxmlformats-officedocument.spreadsheetml.";
        StringBuilder types = new StringBuilder()
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .append("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">")
                .append("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>")
                .append("<Default Extension=\"xml\" ContentType=\"application/xml\"/>")
                .append("<Override PartName=\"/xl/workbook.xml\" ContentType=\"").append(ct).append("sheet.main+xml\"/>")
                .append("<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"").append(ct).append("worksheet+xml\"/>");
        StringBuilder workbookRels = new StringBuilder()
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"").append(pkgRel).append("\">")
                .append("<Relationship Id=\"rId1\" Type=\"").append(rel).append("/worksheet\" Target=\"worksheets/sheet1.xml\"/>");
        if (stylesXml != null) {
            types.append("<Override PartName=\"/xl/styles.xml\" ContentType=\"").append(ct).append("styles+xml\"/>");
            workbookRels.append("<Relationship Id=\"rId2\" Type=\"").append(rel).append("/styles\" Target=\"styles.xml\"/>");
        }
        types.append("</Types>");
        workbookRels.append("</Relationships>");
        String rootRels = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"" + pkgRel + "\">"
                + "<Relationship Id=\"rId1\" Type=\"" + rel + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
        String workbook = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + main + "\" xmlns:r=\"" + rel + "\">"
                + (date1904 ? "<workbookPr date1904=\"1\"/>" : "")
                + "<sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
        String sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + main + "\"><sheetData>"
                + sheetData + "</sheetData></worksheet>";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, "[Content_Types].xml", types.toString());
            entry(zip, "_rels/.rels", rootRels);
            entry(zip, "xl/workbook.xml", workbook);
            entry(zip, "xl/_rels/workbook.xml.rels", workbookRels.toString());
            entry(zip, "xl/worksheets/sheet1.xml", sheet);
            if (stylesXml != null) {
                entry(zip, "xl/styles.xml", stylesXml);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
