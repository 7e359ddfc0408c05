package org.baiti.privacy;

/**
 * What a purged phone number becomes: {@code 138~000000042~<32 hex>~5678}. The first three and last four digits keep
 * the masked form every public page shows ({@code Phones.mask} gives {@code 138****5678} from it as from the number);
 * the ordinal is the number's place among the contest's numbers, so the ranking's last tie-break (SPEC §4: participant
 * key ascending) keeps its order; the keyed hash (HMAC-SHA256, first 128 bits, in letters) keeps one person one key across tables
 * (SPEC §6 counts distinct people) and lets the person, typing their number, find their own rows. Plain Java.
 */
final class Pseudonym {

    static final char SEP = '~';

    private Pseudonym() {
    }

    static boolean is(String stored) {
        return stored != null && stored.indexOf(SEP) >= 0;
    }

    /** {@code shortHash} as {@link #shortHash} gives it. */
    static String of(String phone, long ordinal, String shortHash) {
        String head = phone.length() >= 7 ? phone.substring(0, 3) : "";
        String tail = phone.length() >= 7 ? phone.substring(phone.length() - 4) : "";
        return head + SEP + String.format("%09d", ordinal) + SEP + shortHash + SEP + tail;
    }

    /**
     * The first 128 bits of the hex hash, written with the letters a–p instead of 0–9a–f: a pseudonym then never holds
     * a run of eleven digits that a scan for phone numbers (or a person) would take for one.
     */
    static String shortHash(String hash) {
        StringBuilder sb = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            sb.append((char) ('a' + Character.digit(hash.charAt(i), 16)));
        }
        return sb.toString();
    }

    static long ordinal(String pseudonym) {
        String[] parts = pseudonym.split(String.valueOf(SEP), -1);
        return parts.length == 4 ? Long.parseLong(parts[1]) : 0;
    }

    static String hashOf(String pseudonym) {
        String[] parts = pseudonym.split(String.valueOf(SEP), -1);
        return parts.length == 4 ? parts[2] : "";
    }
}
