package org.baiti.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A JDBC slice ({@link Slice}) over a fresh, migrated SQLite file in a temporary folder. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, classes = Slice.Database.class)
@DirtiesContext
public abstract class SqliteSlice implements Slice {

    /** The connection settings the application uses on SQLite (root DatabaseConfiguration): WAL, fsync, busy wait. */
    static final String SQLITE_PARAMS =
            "journal_mode=WAL&synchronous=FULL&busy_timeout=30000&foreign_keys=true&transaction_mode=IMMEDIATE";

    @Autowired
    ApplicationContext context;

    @DynamicPropertySource
    static void sqlite(DynamicPropertyRegistry r) {
        try {
            Path dir = Files.createTempDirectory("baiti-slice-");
            Slice.pool(r);
        r.add("spring.datasource.url", () -> "jdbc:sqlite:" + dir.resolve("baiti.db") + "?" + SQLITE_PARAMS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ApplicationContext context() {
        return context;
    }

    @Override
    public String database() {
        return "sqlite";
    }
}
