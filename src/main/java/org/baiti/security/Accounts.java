package org.baiti.security;

import java.util.List;
import java.util.Optional;

/** Stored staff accounts. */
public interface Accounts {

    Optional<Account> find(String username);

    List<Account> all();

    boolean anyWithRole(Role role);

    /** Enabled accounts with the role. */
    long countEnabled(Role role);

    void insert(Account account);

    /** Changes everything but the user name and the creation time. */
    void update(Account account);
}
