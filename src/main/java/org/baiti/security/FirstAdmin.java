package org.baiti.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;

import org.baiti.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the account {@code admin} when there is no administrator yet: the password comes from
 * {@code BAITI_ADMIN_PASSWORD}, or a random one is printed once in the log (docs/api.md).
 *
 * <p>Runs once every singleton exists, before the web server opens its port: when {@code /actuator/health}
 * first answers, this is done (an {@code ApplicationRunner} would run only after the port is open).
 */
@Component
class FirstAdmin implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final Environment env;
    private final Clock clock;
    private final AuditLog audit;
    private final FirstAdminPassword outcome;

    FirstAdmin(Accounts accounts, PasswordEncoder encoder, Environment env, Clock clock, AuditLog audit,
               FirstAdminPassword outcome) {
        this.outcome = outcome;
        this.accounts = accounts;
        this.encoder = encoder;
        this.env = env;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    @Transactional
    public void afterSingletonsInstantiated() {
        // Commands that only read (audit verify) start the application with baiti.first-admin=false.
        if (!env.getProperty("baiti.first-admin", Boolean.class, true) || accounts.anyWithRole(Role.ADMIN)) {
            return;
        }
        String password = env.getProperty("BAITI_ADMIN_PASSWORD");
        boolean generated = password == null || password.isBlank();
        if (generated) {
            password = randomPassword();
        }
        accounts.insert(new Account("admin", encoder.encode(password), Role.ADMIN, "管理员", true, Instant.now(clock)));
        audit.record(AuditLog.SYSTEM, "account.create", null, "admin",
                java.util.Map.of("role", Role.ADMIN.name(), "password", generated ? "generated" : "BAITI_ADMIN_PASSWORD"));
        outcome.created(generated ? FirstAdminPassword.Created.GENERATED : FirstAdminPassword.Created.FROM_ENVIRONMENT,
                generated ? password : null);
        if (generated) {
            log.warn("""

                    ==================================================================
                      Created the first administrator
                      user: admin    password: {}
                      This is shown only once: keep it safe.
                    ==================================================================""", password);
        } else {
            log.info("Created the first administrator 'admin' with the password from BAITI_ADMIN_PASSWORD");
        }
    }

    private static String randomPassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom r = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
