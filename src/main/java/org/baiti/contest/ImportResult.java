package org.baiti.contest;

/** The answer to a successful import: rows read, rows that were new, rows that changed. */
public record ImportResult(int imported, int added, int changed) {
}
