/**
 * Who may take part online: the optional roster of a contest (name, phone, unit) that an attempt must match, and the
 * pluggable one-time-code check ({@link org.baiti.identity.OneTimeCodes}). Staff accounts and roles are in
 * {@code security}; this package is separate so that it may depend on the unit tree (docs/security.md).
 */
package org.baiti.identity;
