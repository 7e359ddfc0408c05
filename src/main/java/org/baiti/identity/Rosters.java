package org.baiti.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Stored rosters, one per contest (the contest's "roster required" switch is contest/Contesting's). */
interface Rosters {

    Optional<RosterEntry> find(long contestId, String phone);

    Map<String, RosterEntry> byPhones(long contestId, Collection<String> phones);

    List<RosterEntry> all(long contestId);

    void upsert(List<RosterEntry> added, List<RosterEntry> changed);
}
