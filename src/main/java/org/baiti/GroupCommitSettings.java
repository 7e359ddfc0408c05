package org.baiti;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Group commit of participant writes ({@code baiti.group-commit.*}, docs/performance.md).
 *
 * @param enabled        false commits every start and submission on its own (for comparison)
 * @param maxBatch       most writes in one transaction
 * @param timeoutSeconds how long a caller waits for its commit before it is answered 503 (and may retry)
 */
@ConfigurationProperties("baiti.group-commit")
record GroupCommitSettings(@DefaultValue("true") boolean enabled, @DefaultValue("256") int maxBatch,
                           @DefaultValue("60") int timeoutSeconds) {
}
