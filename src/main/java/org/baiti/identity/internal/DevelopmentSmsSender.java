package org.baiti.identity.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.baiti.person.Phones;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * FOR DEVELOPMENT ONLY: "sends" a code by writing it to the log, and tells it to the caller of
 * {@code POST /api/contests/{id}/codes}, so anyone can pass the check. Active only with {@code baiti.otp.enabled=true}
 * and {@code baiti.otp.provider=development}; never use it for a real contest (docs/privacy.md, "SMS").
 */
@Component
@ConditionalOnBooleanProperty("baiti.otp.enabled")
@ConditionalOnProperty(name = "baiti.otp.provider", havingValue = "development", matchIfMissing = true)
public class DevelopmentSmsSender implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger(DevelopmentSmsSender.class);

    private final Map<String, String> last = new ConcurrentHashMap<>();

    public DevelopmentSmsSender() {
        log.warn("*** DEVELOPMENT SMS 开发用短信通道: NO SMS IS SENT — codes are only logged and shown to whoever asks; "
                + "never use baiti.otp.provider=development for a real contest (set aliyun or tencent) ***");
    }

    @Override
    public void send(String phone, String code) {
        last.put(phone, code);
        log.warn("DEVELOPMENT one-time code for {}: {} (no SMS was sent)", Phones.mask(phone), code);
    }

    /** The code last "sent" to the phone, so the development caller can type it. */
    public Optional<String> lastCode(String phone) {
        return Optional.ofNullable(last.get(phone));
    }
}
