package org.baiti.privacy;

import org.baiti.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The daily purge (SPEC §8): every contest whose retention period is over loses its full phone numbers. Runs on every
 * node; the purge is idempotent (numbers already replaced are skipped), so two nodes running it change nothing twice.
 * {@code baiti.privacy.purge-cron} (default 03:30 every day, in {@code baiti.time-zone}); {@code baiti.privacy.purge-job=false}
 * switches it off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "baiti.privacy.purge-job", matchIfMissing = true)
class PurgeSchedule {

    private static final Logger log = LoggerFactory.getLogger(PurgeSchedule.class);

    private final PersonalData personalData;

    PurgeSchedule(PersonalData personalData) {
        this.personalData = personalData;
    }

    @Scheduled(cron = "${baiti.privacy.purge-cron:0 30 3 * * *}", zone = "${baiti.time-zone:Asia/Shanghai}")
    void daily() {
        for (long id : personalData.due()) {
            try {
                personalData.purge(id, false, AuditLog.SYSTEM);
            } catch (RuntimeException e) {
                log.error("Purging the personal data of contest {} failed", id, e);
            }
        }
    }
}
