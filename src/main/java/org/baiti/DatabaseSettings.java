package org.baiti;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param poolSize {@code baiti.db.pool-size}: connections to the database (SQLite: at most 8, one writer at a
 *                 time, and as many again for read-only transactions)
 */
@ConfigurationProperties("baiti.db")
record DatabaseSettings(@DefaultValue("16") int poolSize) {
}
