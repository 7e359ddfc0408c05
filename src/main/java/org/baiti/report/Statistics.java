package org.baiti.report;

import java.util.List;

/** The figures an organizer publishes (SPEC §7, docs/api.md {@code statistics}); all counted from the data. */
record Statistics(
        long onlineParticipants,
        long onlinePerfect,
        long offlineParticipants,
        long offlinePerfect,
        long totalParticipants,
        long distinctPeople,
        long individualAwards,
        long organizationAwards,
        List<UnitStat> units,
        List<QuestionStat> questions) {

    /** Participation and accuracy of one top-level unit. */
    public record UnitStat(String code, String name, int headcount, long online, long offline, long participants,
                           double rate, double accuracy) {
    }

    /** How many answered a question, and the share of right answers (both channels). */
    public record QuestionStat(String key, String stem, String category, long answered, long right, double shareRight) {
    }
}
