package org.baiti.identity;

import org.baiti.identity.internal.SmsProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code baiti.otp.*} and {@code baiti.sms.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({OtpProperties.class, SmsProperties.class})
class SmsConfiguration {
}
