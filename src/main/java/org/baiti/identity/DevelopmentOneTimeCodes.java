package org.baiti.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.baiti.person.Phones;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * FOR DEVELOPMENT ONLY: "sends" a code by writing it to the log, and tells it to the caller of
 * {@code POST /api/contests/{id}/codes}, so anyone can pass the check. Active only with {@code baiti.otp.enabled=true}
 * and {@code baiti.otp.provider=development}; never use it for a real contest.
 */
@Component
@ConditionalOnExpression("${baiti.otp.enabled:false} and '${baiti.otp.provider:development}' == 'development'")
public class DevelopmentOneTimeCodes implements OneTimeCodes {

    private static final Logger log = LoggerFactory.getLogger(DevelopmentOneTimeCodes.class);
    static final Duration VALID = Duration.ofMinutes(10);
    static final int MAX_TRIES = 5;

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Code> codes = new ConcurrentHashMap<>();

    DevelopmentOneTimeCodes(Clock clock) {
        this.clock = clock;
        log.warn("DEVELOPMENT one-time codes 开发用验证码: codes are only logged, nothing is sent — never use this for a real contest");
    }

    private record Code(String value, long expiresAt, int tries) {
    }

    @Override
    public void send(String phone) {
        String value = String.format("%06d", random.nextInt(1_000_000));
        codes.put(phone, new Code(value, clock.millis() + VALID.toMillis(), 0));
        log.info("DEVELOPMENT one-time code for {}: {}", Phones.mask(phone), value);
    }

    @Override
    public boolean check(String phone, String code) {
        Code c = codes.get(phone);
        if (c == null || clock.millis() > c.expiresAt() || c.tries() >= MAX_TRIES) {
            return false;
        }
        if (c.value().equals(code)) {
            return true;
        }
        codes.put(phone, new Code(c.value(), c.expiresAt(), c.tries() + 1));
        return false;
    }

    /** The code last "sent" to the phone, so the development caller can type it. */
    public Optional<String> lastCode(String phone) {
        return Optional.ofNullable(codes.get(phone)).map(Code::value);
    }
}
