package org.baiti.draw;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Storage of draw pools ({@code baiti.draw.*}, docs/draw.md).
 *
 * @param poolCompression how a committed pool's blobs are stored, {@code deflate} or {@code identity} (empty: the
 *                        default, identity on SQLite and deflate on PostgreSQL)
 */
@ConfigurationProperties("baiti.draw")
record DrawSettings(@DefaultValue("") String poolCompression) {
}
