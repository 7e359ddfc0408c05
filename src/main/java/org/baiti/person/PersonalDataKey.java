package org.baiti.person;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.baiti.settings.SiteSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The secret key of keyed hashes over personal data (HMAC-SHA256): purged phone numbers and stored one-time codes.
 * Taken from {@code baiti.privacy.hash-key} when set (required on several nodes: every node must hash alike), else
 * from the file {@code privacy.key} in the data folder, which is created with 32 random bytes on first use
 * (docs/privacy.md). Without the key a hash cannot be tied back to a number by trying every number.
 */
@Component
@EnableConfigurationProperties(PrivacyKeySettings.class)
public class PersonalDataKey {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataKey.class);

    private final String configured;
    private final Path file;
    private volatile byte[] key;

    @Autowired
    PersonalDataKey(PrivacyKeySettings key, SiteSettings site) {
        this(key.hashKey(), site.dataDir());
    }

    private PersonalDataKey(String configured, String dataDir) {
        this.configured = configured == null ? "" : configured.strip();
        this.file = Path.of(dataDir).toAbsolutePath().normalize().resolve("privacy.key");
    }

    /** A key given as text (tests and tools). */
    public static PersonalDataKey of(String key) {
        return new PersonalDataKey(key, ".");
    }

    /** Lowercase hex HMAC-SHA256 of {@code purpose + "\n" + value}: the purpose keeps hashes of one kind apart. */
    public String hash(String purpose, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((purpose + "\n" + value).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = load();
                }
                k = key;
            }
        }
        return k;
    }

    private byte[] load() {
        if (!configured.isEmpty()) {
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                try {
                    Files.writeString(file, HexFormat.of().formatHex(fresh) + "\n", StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE);
                    try {
                        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                    } catch (UnsupportedOperationException ignored) {
                        // not a POSIX file system
                    }
                    log.info("Created the personal data key {} (keep it with the backups; docs/privacy.md)", file);
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    // another process made it first: read theirs
                }
            }
            String text = Files.readString(file).strip();
            if (text.isEmpty()) {
                throw new IllegalStateException("The personal data key file is empty: " + file);
            }
            return text.getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the personal data key " + file, e);
        }
    }
}
