package org.baiti.security;

import java.nio.charset.StandardCharsets;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/** Who may call what: admin API by HTTP Basic, admin pages by form login, the rest public. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String[] STAFF = {"ADMIN", "ORGANIZER"};

    private static final String UNAUTHORIZED_JSON = "{\"error\":\"unauthorized\",\"message\":\"需要登录 / Authentication required\",\"details\":[]}";
    private static final String FORBIDDEN_JSON = "{\"error\":\"forbidden\",\"message\":\"无权访问 / Access denied\",\"details\":[]}";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(Accounts accounts) {
        return username -> accounts.find(username)
                .map(a -> User.withUsername(a.username()).password(a.passwordHash()).roles(a.role().name())
                        .disabled(!a.enabled()).build())
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }

    @Bean
    @Order(1)
    @ConditionalOnWebApplication // the command line (import offline ...) runs without a web server
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/admin/**").hasAnyRole(STAFF)
                        .anyRequest().permitAll())
                .httpBasic(b -> b.authenticationEntryPoint((req, res, e) -> json(res, HttpStatus.UNAUTHORIZED, UNAUTHORIZED_JSON)))
                .exceptionHandling(x -> x
                        .authenticationEntryPoint((req, res, e) -> json(res, HttpStatus.UNAUTHORIZED, UNAUTHORIZED_JSON))
                        .accessDeniedHandler((req, res, e) -> json(res, HttpStatus.FORBIDDEN, FORBIDDEN_JSON)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless API: no cookies are read, so there is nothing for a forged cross-site request to ride on.
                .csrf(c -> c.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    @ConditionalOnWebApplication
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/admin/**").hasAnyRole(STAFF)
                        .anyRequest().permitAll())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/admin", false).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/"))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                        + "script-src 'self'; frame-ancestors 'self'; form-action 'self'"))
                        .frameOptions(f -> f.sameOrigin()));
        return http.build();
    }

    private static void json(jakarta.servlet.http.HttpServletResponse res, HttpStatus status, String body)
            throws java.io.IOException {
        res.setStatus(status.value());
        res.setContentType(MediaType.APPLICATION_JSON_VALUE);
        res.setCharacterEncoding(StandardCharsets.UTF_8.name());
        res.getWriter().write(body);
    }
}
