package org.baiti.security;

import java.util.List;
import java.util.Optional;

/** Stored staff accounts. */
interface Accounts {

    Optional<Account> find(String username);

    List<Account> all();

    boolean anyWithRole(Role role);

    /** Enabled accounts with the role. */
    long countEnabled(Role role);

    void insert(Account account);

    /** Changes everything but the user name and the creation time. */
    void update(Account account);

    /** Removes the account; false when there was none. */
    boolean delete(String username);

    /** Accounts of coordinators that look after a unit of this contest. */
    default long countForContest(long contestId) {
        return all().stream().filter(a -> a.unitContest() != null && a.unitContest() == contestId).count();
    }
}
