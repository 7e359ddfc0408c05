package org.baiti.offline;

import java.util.Objects;

/**
 * One person's paper result of the offline channel (SPEC §2.3), as stored: the ticket (准考证号) is its
 * key and the draw entry key; the phone is normalized (the person's identity, SPEC §6); {@code answers}
 * is the canonical answer text when the row carried answers, else null.
 */
public record OfflineResult(String ticket, String name, String phone, String unitCode, String topCode, int score,
                            int maxScore, double accuracy, boolean perfect, String venue, String answers, int rowNo) {

    /** Whether the other result says the same about the paper (everything but where it was read from). */
    public boolean sameDataAs(OfflineResult other) {
        return ticket.equals(other.ticket) && name.equals(other.name) && phone.equals(other.phone)
                && unitCode.equals(other.unitCode) && score == other.score && maxScore == other.maxScore
                && Objects.equals(blankToNull(venue), blankToNull(other.venue))
                && Objects.equals(blankToNull(answers), blankToNull(other.answers));
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
