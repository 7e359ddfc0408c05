package org.baiti.draw;

import org.baiti.testing.SqliteApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** See {@link DrawScale}: run on purpose with {@code -Dtest=DrawScaleSqliteMeasurement -Dbaiti.measure=true}. */
@EnabledIfSystemProperty(named = "baiti.measure", matches = "true")
class DrawScaleSqliteMeasurement extends SqliteApp {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Drawing drawing;

    @Test
    void aDrawOf140FromAMillionEntries() {
        DrawScale.measure(database(), api(), jdbc, drawing, Integer.getInteger("baiti.draw.scale", 1_000_000));
    }
}
