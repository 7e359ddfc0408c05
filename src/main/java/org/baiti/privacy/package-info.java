/**
 * Personal data of participants (SPEC §8): the notice and consent on the identify page, the retention period of a
 * contest, the purge that replaces full phone numbers by a keyed hash when it has passed ({@code baiti purge} and a
 * daily job), and a participant's look-up of what is stored about them. docs/privacy.md.
 */
package org.baiti.privacy;
