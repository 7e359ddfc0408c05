package org.baiti.unit;

/** A unit of the contest's tree; {@code topCode} is the top-level unit its results roll up to. */
public record Unit(long contestId, String code, String name, String parentCode, String topCode, int depth,
                   Integer headcount, Integer attention, int seq) {

    public boolean topLevel() {
        return parentCode == null;
    }
}
