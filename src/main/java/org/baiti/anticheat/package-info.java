/**
 * Anti-cheat signals recorded with online attempts — the page was hidden (tab switches), answers faster than a
 * threshold per question, many attempts from one address — and the organizer's review list. A signal never
 * disqualifies anyone by itself: people decide, after looking (docs/security.md).
 */
package org.baiti.anticheat;
