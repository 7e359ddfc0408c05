package org.baiti.identity;

/**
 * Sends one-time codes to a phone and checks them. Baiti's implementation is {@link StoredOneTimeCodes} (codes in the
 * database, delivered by the {@link SmsSender} that {@code baiti.otp.provider} chooses: aliyun, tencent or
 * development); docs/privacy.md, "SMS".
 */
public interface OneTimeCodes {

    /**
     * Sends a fresh code to the (normalized, 11-digit) phone; refuses with a {@code Refusal} (429
     * {@code too_soon} / {@code too_many_codes}, 409 {@code sms_failed}) when it may not or could not.
     */
    void send(String phone);

    /** Whether the code is the one last sent to the phone and still valid. */
    boolean check(String phone, String code);
}
