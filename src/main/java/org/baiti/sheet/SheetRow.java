package org.baiti.sheet;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One non-blank data row: its row number as seen in Excel and the trimmed cell text for every
 * {@link Column#key() column key} the importer asked for ({@code ""} for an empty cell or an
 * optional column the file does not have).
 *
 * @param rowNumber 1-based row number (the header is row 1, so data starts at 2)
 * @param values    cell text by column key, in the importer's column order; unmodifiable
 */
public record SheetRow(int rowNumber, Map<String, String> values) {

    public SheetRow {
        Objects.requireNonNull(values, "values");
        if (!(values instanceof Cells)) { // the reader's own rows are unmodifiable already
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }

    /**
     * The trimmed text of the cell in column {@code key}; {@code ""} if empty.
     *
     * @throws IllegalArgumentException if {@code key} is not one of the columns that were read
     *                                  (a typo in the importer, not a problem with the file)
     */
    public String get(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no column with key '" + key + "'; known: " + values.keySet());
        }
        return value;
    }
}
