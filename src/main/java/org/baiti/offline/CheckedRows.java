package org.baiti.offline;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The rows the validation pass checked, kept in a compact temporary file so the writing pass does not read,
 * decode and check the uploaded file a second time. A row is stored as its checked {@link OfflineResult}
 * (the same object the second pass would compute: the paper and the units are the ones of the first pass);
 * the file holds about 100 bytes a row and is deleted when the import ends.
 */
final class CheckedRows implements AutoCloseable {

    private static final int BUFFER = 64 * 1024;

    private final Path path;
    private DataOutputStream out;
    private int count;

    private CheckedRows(Path path) throws IOException {
        this.path = path;
        this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(path), BUFFER));
    }

    /** A new, empty file in the temporary directory. */
    static CheckedRows create() {
        try {
            return new CheckedRows(Files.createTempFile("baiti-offline-", ".rows"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary file", e);
        }
    }

    int count() {
        return count;
    }

    void add(OfflineResult r) {
        try {
            out.writeInt(r.rowNo());
            writeString(r.ticket());
            writeString(r.name());
            writeString(r.phone());
            writeString(r.unitCode());
            writeString(r.topCode());
            out.writeInt(r.score());
            out.writeInt(r.maxScore());
            writeString(r.venue());
            writeString(r.answers());
            count++;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the temporary file " + path, e);
        }
    }

    /** Closes the file for writing; then {@link #read} it. */
    void finishWriting() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write the temporary file " + path, e);
            } finally {
                out = null;
            }
        }
    }

    /** Hands every stored row to {@code rows}, in the order they were added. */
    void read(Consumer<OfflineResult> rows) {
        finishWriting();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(path), BUFFER))) {
            for (int i = 0; i < count; i++) {
                int rowNo = in.readInt();
                String ticket = readString(in);
                String name = readString(in);
                String phone = readString(in);
                String unitCode = readString(in);
                String topCode = readString(in);
                int score = in.readInt();
                int max = in.readInt();
                String venue = readString(in);
                String answers = readString(in);
                rows.accept(new OfflineResult(ticket, name, phone, unitCode, topCode, score, max,
                        (double) score / max, score == max, venue, answers, rowNo));
            }
        } catch (EOFException e) {
            throw new IllegalStateException("temporary file " + path + " is truncated", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the temporary file " + path, e);
        }
    }

    @Override
    public void close() {
        try {
            finishWriting();
        } catch (UncheckedIOException ignored) {
            // deleted below anyway
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            path.toFile().deleteOnExit();
        }
    }

    /** Length in bytes (-1 = null) and UTF-8 bytes: no 64 KiB limit as with {@code writeUTF}. */
    private void writeString(String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
