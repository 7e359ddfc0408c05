package org.baiti.security;

import org.baiti.web.ApiErrors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

/**
 * Who may call what (the matrix is in docs/security.md): the admin API by HTTP Basic, the admin pages by form login
 * with a session and CSRF tokens, the rest public. Rules that depend only on the path are here; rules that depend on
 * data (a coordinator's units) are in the services, starting from {@link Staff}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String ADMIN = Role.ADMIN.name();
    static final String ORGANIZER = Role.ORGANIZER.name();
    static final String COORDINATOR = Role.COORDINATOR.name();
    static final String JUDGE = Role.JUDGE.name();
    static final String AUDITOR = Role.AUDITOR.name();
    static final String[] ALL_STAFF = {ADMIN, ORGANIZER, COORDINATOR, JUDGE, AUDITOR};
    /** Run contests: create, change, import, draw, freeze. */
    static final String[] MANAGE = {ADMIN, ORGANIZER};
    /** Read everything about contests. */
    static final String[] READ_ALL = {ADMIN, ORGANIZER, AUDITOR};

    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'; form-action 'self'";


    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(Accounts accounts) {
        return username -> accounts.find(username)
                .map(StaffUser::new)
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }

    @Bean
    @Order(1)
    @ConditionalOnWebApplication // the command line (audit verify, import offline) runs without a web server
    SecurityFilterChain api(HttpSecurity http, LoginThrottle throttle, ApiErrors errors) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/admin/accounts", "/api/admin/accounts/**").hasRole(ADMIN)
                        .requestMatchers(GET, "/api/admin/audit", "/api/admin/audit/**").hasAnyRole(ADMIN, AUDITOR)
                        .requestMatchers(PUT, "/api/admin/contests/*/units/*/attention").hasAnyRole(ADMIN, ORGANIZER, JUDGE)
                        .requestMatchers(POST, "/api/admin/contests/*/offline-results", "/api/admin/contests/*/roster")
                        .hasAnyRole(ADMIN, ORGANIZER, COORDINATOR)
                        .requestMatchers(GET, "/api/admin/contests", "/api/admin/contests/*",
                                "/api/admin/contests/*/units", "/api/admin/contests/*/units/*").hasAnyRole(ALL_STAFF)
                        .requestMatchers(GET, "/api/admin/contests/*/roster", "/api/admin/contests/*/statistics")
                        .hasAnyRole(ADMIN, ORGANIZER, AUDITOR, COORDINATOR)
                        .requestMatchers(GET, "/api/admin/**").hasAnyRole(READ_ALL)
                        .requestMatchers("/api/admin/**").hasAnyRole(MANAGE)
                        .anyRequest().permitAll());
        // participant rate limits: online.ParticipantLimits, on the handlers Spring MVC matched (issue 19)
        return statelessBasic(http, throttle, errors);
    }

    @Bean
    @Order(2)
    @ConditionalOnWebApplication
    SecurityFilterChain pages(HttpSecurity http, LoginThrottle throttle, Accounts accounts, ApiErrors errors)
            throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/admin/accounts", "/admin/accounts/**").hasRole(ADMIN)
                        .requestMatchers(GET, "/admin/audit", "/admin/audit/**").hasAnyRole(ADMIN, AUDITOR)
                        .requestMatchers(GET, "/admin/contests/*/bank").hasAnyRole(READ_ALL)
                        .requestMatchers(POST, "/admin/contests/*/units/*/attention", "/admin/contests/*/attention")
                        .hasAnyRole(ADMIN, ORGANIZER, JUDGE)
                        .requestMatchers(GET, "/admin/contests/*/statistics.json").hasAnyRole(ADMIN, ORGANIZER, AUDITOR, COORDINATOR)
                        .requestMatchers(POST, "/admin/contests/*/import/roster").hasAnyRole(ADMIN, ORGANIZER, COORDINATOR)
                        .requestMatchers(POST, "/admin/contests/*/offline").hasAnyRole(ADMIN, ORGANIZER, COORDINATOR)
                        .requestMatchers(GET, "/admin/contests/*/offline", "/admin/contests/*/offline/jobs/*")
                        .hasAnyRole(ADMIN, ORGANIZER, AUDITOR, COORDINATOR)
                        // the back office (docs/back-office.md): a coordinator's dashboard and participants are of its subtree
                        .requestMatchers(GET, "/admin/contests/*/dashboard", "/admin/contests/*/participants")
                        .hasAnyRole(ADMIN, ORGANIZER, AUDITOR, COORDINATOR)
                        .requestMatchers(GET, "/admin/contests/*/attention").hasAnyRole(ADMIN, ORGANIZER, JUDGE, AUDITOR)
                        .requestMatchers(GET, "/admin/contests/*/edit").hasAnyRole(MANAGE)
                        .requestMatchers(GET, "/admin", "/admin/", "/admin/contests/*", "/admin/contests/*/units")
                        .hasAnyRole(ALL_STAFF)
                        .requestMatchers(GET, "/admin/**").hasAnyRole(READ_ALL)
                        .requestMatchers("/admin/**").hasAnyRole(MANAGE)
                        .anyRequest().permitAll())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/admin", false).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/"))
                .addFilterBefore(new LoginThrottleFilter(throttle, errors, "/login"), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new AccountStillValidFilter(accounts), AnonymousAuthenticationFilter.class)
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .csrf(Customizer.withDefaults())
                .headers(SecurityConfiguration::headers);
        return http.build();
    }

    /**
     * A request the firewall refuses (a line feed in a parameter name, an encoded slash in the path, ...) is the
     * client's mistake: 400 through the error page, in the API's error shape under {@code /api/}.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return new HttpStatusRequestRejectedHandler(HttpStatus.BAD_REQUEST.value());
    }

    /**
     * Spring Security's strict firewall, also refusing control characters (other than tab and line breaks) in
     * parameter values and any in header values: a NUL cannot be stored in PostgreSQL text, and no form holds one.
     */
    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedParameterValues(SecurityConfiguration::noControl);
        firewall.setAllowedHeaderValues(v -> StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(v) && noControl(v));
        return firewall;
    }

    private static boolean noControl(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code /actuator/**}: health for anyone (load balancers, systemd), the rest (Prometheus metrics) for an
     * administrator by HTTP Basic — except on a separate management port ({@code management.server.port}, bound to
     * a private address), which Prometheus scrapes without credentials (docs/operations.md).
     */
    @Bean
    @Order(0)
    @ConditionalOnWebApplication
    SecurityFilterChain actuator(HttpSecurity http, LoginThrottle throttle, ManagementPort managementPort, ApiErrors errors)
            throws Exception {
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(managementPort::cameIn).permitAll()
                        .anyRequest().hasRole(ADMIN));
        return statelessBasic(http, throttle, errors);
    }

    /**
     * What the API and the actuator chains share: HTTP Basic behind the login throttle, no session, refusals in the
     * API's error shape. Stateless: no cookies are read, so there is nothing for a forged cross-site request to ride
     * on, and no CSRF token is needed.
     */
    private static SecurityFilterChain statelessBasic(HttpSecurity http, LoginThrottle throttle, ApiErrors errors)
            throws Exception {
        http.httpBasic(b -> b.authenticationEntryPoint((req, res, e) ->
                        errors.write(res, errors.problem(req, HttpStatus.UNAUTHORIZED, "unauthorized"))))
                .addFilterBefore(new LoginThrottleFilter(throttle, errors, "/login"), BasicAuthenticationFilter.class)
                .exceptionHandling(x -> x
                        .authenticationEntryPoint((req, res, e) ->
                                errors.write(res, errors.problem(req, HttpStatus.UNAUTHORIZED, "unauthorized")))
                        .accessDeniedHandler((req, res, e) ->
                                errors.write(res, errors.problem(req, HttpStatus.FORBIDDEN, "forbidden"))))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(SecurityConfiguration::headers)
                .csrf(c -> c.disable());
        return http.build();
    }

    /** The same protective headers on pages and API answers. */
    private static void headers(HeadersConfigurer<HttpSecurity> h) {
        h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                .frameOptions(f -> f.sameOrigin())
                .contentTypeOptions(Customizer.withDefaults())
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN));
    }
}
