package org.baiti.identity;

/**
 * Sends one-time codes to a phone and checks them: the plug for an SMS gateway. Implement it as a Spring bean and
 * choose it with {@code baiti.otp.provider} (docs/security.md, "One-time codes"); Baiti ships only
 * {@link DevelopmentOneTimeCodes}, which sends nothing.
 */
public interface OneTimeCodes {

    /** Sends a fresh code to the (normalized, 11-digit) phone. */
    void send(String phone);

    /** Whether the code is the one last sent to the phone and still valid. */
    boolean check(String phone, String code);
}
