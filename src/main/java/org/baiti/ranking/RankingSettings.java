package org.baiti.ranking;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param rankingCacheMillis {@code baiti.ranking-cache-millis}: how long a node answers the public ranking from what it
 *                           read (docs/performance.md)
 */
@ConfigurationProperties("baiti")
record RankingSettings(@DefaultValue("1000") long rankingCacheMillis) {
}
