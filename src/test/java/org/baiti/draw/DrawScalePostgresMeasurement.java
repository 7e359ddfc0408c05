package org.baiti.draw;

import org.baiti.testing.PostgresApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** See {@link DrawScale}: run on purpose with {@code -Dtest=DrawScalePostgresMeasurement -Dbaiti.measure=true}. */
@EnabledIfSystemProperty(named = "baiti.measure", matches = "true")
class DrawScalePostgresMeasurement extends PostgresApp {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Drawing drawing;

    @Test
    void aDrawOf140FromAMillionEntries() {
        DrawScale.measure(database(), api(), jdbc, drawing, Integer.getInteger("baiti.draw.scale", 1_000_000));
    }
}
