package org.baiti.ranking;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param rankingCacheMillis {@code baiti.ranking-cache-millis}: how long a node answers the public ranking from what it
 *                           read (org.baiti.NodeCache, docs/performance.md; 0: read every time)
 */
@ConfigurationProperties("baiti")
record RankingSettings(@DefaultValue("1000") long rankingCacheMillis) {

    Duration rankingCache() {
        return Duration.ofMillis(rankingCacheMillis);
    }
}
