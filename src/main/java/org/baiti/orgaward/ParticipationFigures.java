package org.baiti.orgaward;

import java.util.Map;

/**
 * Who took part, counted from the data of both channels (SPEC §6): per top-level unit the distinct people
 * (same normalized phone = same person) and the mean of their best accuracy in either channel.
 */
interface ParticipationFigures {

    /** Participants and mean best accuracy of one top-level unit. */
    record Figures(int participants, double accuracy) {
    }

    /** By top-level unit code; units nobody took part in are absent. */
    Map<String, Figures> byTopUnit(long contestId);
}
