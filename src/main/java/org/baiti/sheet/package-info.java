/**
 * Reads the CSV and XLSX spreadsheets that offices upload (question bank, unit tree, roster, offline
 * results) as a stream of header-mapped rows; plain Java, no Spring beans.
 *
 * <p>Entry point: {@link org.baiti.sheet.SheetReader}. Importers describe the columns they want
 * with {@link org.baiti.sheet.Column}, receive {@link org.baiti.sheet.SheetRow}s, and report
 * problems with {@link org.baiti.sheet.RowError}; a whole-file problem is a
 * {@link org.baiti.sheet.SheetException}. Reasons are message keys with arguments
 * ({@link org.baiti.sheet.Reason}, keys {@code row.*} of {@code messages*.properties}), worded in the
 * reader's language only when shown: the one place this package names Spring is the
 * {@code MessageSource} interface that words them.
 */
package org.baiti.sheet;
