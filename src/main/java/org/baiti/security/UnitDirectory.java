package org.baiti.security;

/**
 * What account management asks about units (a coordinator's account must name a real unit); the unit feature
 * implements it, so this package needs nothing from that one.
 */
public interface UnitDirectory {

    boolean exists(long contestId, String unitCode);
}
