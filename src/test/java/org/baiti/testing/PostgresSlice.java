package org.baiti.testing;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A JDBC slice ({@link Slice}) over a fresh, migrated schema of the test PostgreSQL server; skipped when the server is
 * unreachable, failing instead when {@code BAITI_REQUIRE_POSTGRES=true} ({@link EnabledIfPostgres}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, classes = Slice.Database.class)
@DirtiesContext
@EnabledIfPostgres
public abstract class PostgresSlice implements Slice {

    @Autowired
    ApplicationContext context;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry r) {
        Slice.pool(r);
        r.add("spring.datasource.url", Postgres::freshSchemaUrl);
    }

    @Override
    public ApplicationContext context() {
        return context;
    }

    @Override
    public String database() {
        return "postgresql";
    }
}
