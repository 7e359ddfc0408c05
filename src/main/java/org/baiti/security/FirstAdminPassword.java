package org.baiti.security;

import java.util.Optional;

import org.springframework.stereotype.Component;

/** What this start did about the first administrator, for the start banner ({@code serve}). */
@Component
public class FirstAdminPassword {

    /** How the account {@code admin} came to be during this start. */
    public enum Created { NOT_NOW, GENERATED, FROM_ENVIRONMENT }

    private volatile Created created = Created.NOT_NOW;
    private volatile String generated;

    void created(Created how, String generatedPassword) {
        this.created = how;
        this.generated = generatedPassword;
    }

    public Created created() {
        return created;
    }

    /** The password generated during this start (also printed once in the log); empty otherwise. */
    public Optional<String> generated() {
        return Optional.ofNullable(generated);
    }
}
