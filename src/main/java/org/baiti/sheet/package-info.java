/**
 * Reads the CSV and XLSX spreadsheets that offices upload (question bank, unit tree, offline
 * results) as a stream of header-mapped rows; plain Java, no Spring.
 *
 * <p>Entry point: {@link org.baiti.sheet.SheetReader}. Importers describe the columns they want
 * with {@link org.baiti.sheet.Column}, receive {@link org.baiti.sheet.SheetRow}s, and report
 * problems with {@link org.baiti.sheet.RowError}; a whole-file problem is a
 * {@link org.baiti.sheet.SheetException}.
 */
package org.baiti.sheet;
