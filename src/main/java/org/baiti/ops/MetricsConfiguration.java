package org.baiti.ops;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts the participant request meters outside every other filter, Spring Security's included. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class MetricsConfiguration {

    /** Before Spring Security's filter chain (order -100), so its refusals are counted too. */
    static final int ORDER = -110;

    @Bean
    FilterRegistrationBean<ParticipantRequestMeters> participantRequestMeters(ContestMetrics metrics) {
        FilterRegistrationBean<ParticipantRequestMeters> r = new FilterRegistrationBean<>(new ParticipantRequestMeters(metrics));
        r.setOrder(ORDER);
        r.addUrlPatterns("/api/*", "/login", "/admin/*", "/actuator/*");
        return r;
    }
}
