package org.baiti.privacy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where participants' personal data lies: every table with a phone column (attempt, ranking_entry, offline_result,
 * roster_entry — the migrations' phone columns) and the client addresses of attempts. Kept in one place so that the
 * purge and the look-up can be checked against that list (docs/privacy.md).
 */
interface PersonalDataStore {

    /** The tables whose {@code phone} column holds a participant's number, all keyed by {@code contest_id}. */
    List<String> PHONE_TABLES = List.of("attempt", "ranking_entry", "offline_result", "roster_entry");

    /**
     * Replaces every full phone number of the contest by its pseudonym ({@link Pseudonym}), the same in every table;
     * {@code hash} gives the keyed hash of a number. Answers the rows changed per table.
     */
    Map<String, Integer> pseudonymize(long contestId, UnaryOperator<String> hash);

    /** Removes the client addresses of the contest's attempts (anticheat forgets its own); answers the attempts changed. */
    int forgetAddresses(long contestId);

    /** Full phone numbers still stored for the contest, in any phone table. */
    long fullPhones(long contestId);

    /** The phone stored on the attempt of the contest whose token has this SHA-256, if any. */
    Optional<String> phoneOfToken(long contestId, String tokenSha256);

    /** The pseudonym with this keyed hash stored for the contest, if the person's number was purged. */
    Optional<String> pseudonymWithHash(long contestId, String shortHash);

    List<Map<String, Object>> attempts(long contestId, String storedPhone);

    List<Map<String, Object>> offlineResults(long contestId, String storedPhone);

    List<Map<String, Object>> rosterEntries(long contestId, String storedPhone);
}
