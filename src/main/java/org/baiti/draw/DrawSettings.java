package org.baiti.draw;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Storage of draw pools ({@code baiti.draw.*}, docs/performance.md).
 *
 * @param poolCompression how a committed pool's blobs are stored (empty: the default)
 * @param splitReadRows   PostgreSQL: pools larger than this are read in two halves at once
 */
@ConfigurationProperties("baiti.draw")
record DrawSettings(@DefaultValue("") String poolCompression, @DefaultValue("100000") int splitReadRows) {
}
