package org.baiti.testing;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole application on a real port over a fresh schema of the test PostgreSQL server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EnabledIfPostgres
public abstract class PostgresApp implements App {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", Postgres::freshSchemaUrl);
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
        return "postgresql";
    }
}
