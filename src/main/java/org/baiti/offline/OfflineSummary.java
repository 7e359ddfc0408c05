package org.baiti.offline;

import java.util.List;

/**
 * The offline channel of a contest in figures: participants (= results; each channel keeps its own count,
 * SPEC §7), perfect scores, distinct people (normalized phones), mean accuracy, and the same per top-level unit.
 */
public record OfflineSummary(long participants, long perfect, long distinctPhones, Double meanAccuracy,
                             List<UnitFigures> units) {

    /** One top-level unit: its results and those of every unit below it. */
    public record UnitFigures(String code, String name, Integer headcount, long participants, long perfect,
                              Double meanAccuracy) {
    }
}
