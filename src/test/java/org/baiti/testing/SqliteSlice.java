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

    @Autowired
    ApplicationContext context;

    @DynamicPropertySource
    static void sqlite(DynamicPropertyRegistry r) {
        try {
            Path dir = Files.createTempDirectory("baiti-slice-");
            Slice.pool(r);
            r.add("spring.datasource.url",
                    () -> "jdbc:sqlite:" + dir.resolve("baiti.db") + "?" + org.baiti.Dialect.SQLITE_SETTINGS);
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
