package org.baiti.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Copies an uploaded file to a temporary file (so it can be read twice) and fingerprints it. */
public final class Uploads {

    /** The temporary copy and the SHA-256 of its bytes. */
    public record Spooled(Path path, String sha256, long size) {

        public void delete() {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // a temp file left behind is harmless; the OS cleans its temp folder
            }
        }
    }

    private Uploads() {
    }

    public static Spooled spool(InputStream in) {
        try {
            Path tmp = Files.createTempFile("baiti-upload-", ".bin");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size;
            try (InputStream src = in; OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), sha)) {
                size = src.transferTo(out);
            }
            return new Spooled(tmp, HexFormat.of().formatHex(sha.digest()), size);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the upload", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
