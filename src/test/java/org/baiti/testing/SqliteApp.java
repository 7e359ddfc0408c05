package org.baiti.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole application on a real port over a fresh SQLite file. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class SqliteApp implements App {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @DynamicPropertySource
    static void sqlite(DynamicPropertyRegistry r) {
        try {
            Path dir = Files.createTempDirectory("baiti-test-");
            r.add("baiti.data-dir", dir::toString);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        App.common(r);
    }

    @Override
    public Api api() {
        return new Api(port);
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
