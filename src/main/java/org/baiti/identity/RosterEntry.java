package org.baiti.identity;

/** One person on a contest's roster: who may take part online, and for which unit (and the units below it). */
record RosterEntry(long contestId, String phone, String name, String unitCode, int rowNo) {
}
