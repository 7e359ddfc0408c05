package org.baiti.identity.internal;

/**
 * Delivers a one-time code to a phone by SMS: Alibaba Cloud ({@link AliyunSmsSender}), Tencent Cloud
 * ({@link TencentSmsSender}) or, for demos, nobody ({@link DevelopmentSmsSender}); chosen by {@code baiti.otp.provider}.
 * Codes themselves (making, storing, checking) are {@code identity.StoredOneTimeCodes}' business.
 */
public interface SmsSender {

    /** Sends the code to the (normalized, 11-digit) phone, or throws {@link SmsFailure} saying what the provider said. */
    void send(String phone, String code);

    /** The provider refused or could not be reached; {@code providerCode} is its error code (or the exception's name). */
    final class SmsFailure extends RuntimeException {

        private final String providerCode;

        public SmsFailure(String providerCode, String message, Throwable cause) {
            super(message, cause);
            this.providerCode = providerCode;
        }

        public String providerCode() {
            return providerCode;
        }
    }
}
