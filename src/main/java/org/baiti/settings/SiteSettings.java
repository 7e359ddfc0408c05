package org.baiti.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings every feature of one Baiti shares, with their defaults in one place (README "Configuration").
 *
 * @param dataDir            {@code baiti.data-dir}: the folder of the SQLite database, the privacy key and uploads
 * @param timeZone           {@code baiti.time-zone}: the zone every page shows dates and times in
 * @param publicUrl          {@code baiti.public-url}: the address participants reach Baiti at, for links and QR codes
 *                           (empty: from a Host header naming this machine)
 * @param contestCacheMillis {@code baiti.contest-cache-millis}: how long a node keeps a contest, its bank version and
 *                           its consent switch it read, in memory (org.baiti.NodeCache; 0: read every time)
 * @param online             {@code baiti.online.*}
 * @param demo               {@code baiti.demo}: create the demo contest on the first start with an empty database
 */
@ConfigurationProperties("baiti")
public record SiteSettings(@DefaultValue("./data") String dataDir, @DefaultValue("Asia/Shanghai") ZoneId timeZone,
                           @DefaultValue("") String publicUrl, @DefaultValue("1000") long contestCacheMillis,
                           @DefaultValue Online online, @DefaultValue("true") boolean demo) {

    /**
     * @param graceSeconds {@code baiti.online.grace-seconds}: a submission this long after the close (or the time
     *                     limit) still counts, for the network's delay; the contest counts as closed after it
     */
    public record Online(@DefaultValue("15") int graceSeconds) {
    }

    /** {@link #contestCacheMillis} as a duration. */
    public Duration contestCache() {
        return Duration.ofMillis(contestCacheMillis);
    }

    /** The data folder as an absolute path. */
    public Path dataPath() {
        return Path.of(dataDir).toAbsolutePath().normalize();
    }
}
