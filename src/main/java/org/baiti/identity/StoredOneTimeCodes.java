package org.baiti.identity;

import java.security.SecureRandom;
import java.time.Clock;

import org.baiti.identity.internal.SmsSender;
import org.baiti.person.PersonalDataKey;
import org.baiti.person.Phones;
import org.baiti.refusal.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * One-time codes kept in the database (so every node on PostgreSQL shares them) and delivered by the configured
 * {@link SmsSender}: six digits, valid {@code baiti.otp.valid-for}, at most one per {@code baiti.otp.resend-pause} and
 * {@code baiti.otp.max-per-day} per phone, {@code baiti.otp.max-tries} wrong codes each. Phone and code are stored only
 * as keyed hashes (PersonalDataKey). A code the provider did not take is taken back and refused clearly.
 */
@Component
@ConditionalOnBooleanProperty("baiti.otp.enabled")
class StoredOneTimeCodes implements OneTimeCodes {

    private static final Logger log = LoggerFactory.getLogger(StoredOneTimeCodes.class);

    private final JdbcCodeStore store;
    private final SmsSender sender;
    private final PersonalDataKey key;
    private final OtpProperties settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    StoredOneTimeCodes(JdbcCodeStore store, SmsSender sender, PersonalDataKey key, OtpProperties settings, Clock clock) {
        this.store = store;
        this.sender = sender;
        this.key = key;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void send(String phone) {
        String code = String.format("%06d", random.nextInt(1_000_000));
        String phoneKey = key.hash("otp-phone", phone);
        String codeHash = key.hash("otp-code", phone + ":" + code);
        var refused = store.issue(phoneKey, codeHash, clock.millis(), settings.validFor().toMillis(),
                settings.resendPause().toMillis(), settings.maxPerDay());
        if (refused.isPresent()) {
            long wait = refused.get().waitSeconds();
            if (refused.get().dailyCap()) {
                throw Refusal.of(Refusal.Kind.TOO_MANY, "too_many_codes", "refusal.codes.dailyCap");
            }
            throw Refusal.of(Refusal.Kind.TOO_MANY, "too_soon", "refusal.codes.tooSoon", wait);
        }
        try {
            sender.send(phone, code);
        } catch (SmsSender.SmsFailure e) {
            store.revoke(phoneKey, codeHash);
            log.warn("SMS to {} failed: {} {}", Phones.mask(phone), e.providerCode(), e.getMessage());
            throw Refusal.conflict("sms_failed", "refusal.codes.smsFailed");
        }
    }

    @Override
    public boolean check(String phone, String code) {
        return store.check(key.hash("otp-phone", phone), key.hash("otp-code", phone + ":" + code), clock.millis(),
                settings.maxTries());
    }
}
