package org.baiti.anticheat;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When a submission or a start raises a signal for the review list ({@code baiti.anticheat.*}).
 *
 * @param minMsPerQuestion      a submission faster than this per question is "too fast"
 * @param maxAttemptsPerAddress more starts than this from one address and unit raise "many from one address"
 */
@ConfigurationProperties("baiti.anticheat")
record AnticheatSettings(@DefaultValue("1500") long minMsPerQuestion, @DefaultValue("20") int maxAttemptsPerAddress) {
}
