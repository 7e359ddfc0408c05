package org.baiti.offline;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param jobProgressMs {@code baiti.offline.job-progress-ms}: how often a running import writes its progress where every
 *                      node's progress page reads it
 */
@ConfigurationProperties("baiti.offline")
record OfflineSettings(@DefaultValue("1000") long jobProgressMs) {
}
