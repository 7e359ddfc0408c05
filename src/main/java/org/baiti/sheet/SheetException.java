package org.baiti.sheet;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The file as a whole cannot be read: not a spreadsheet, corrupt, empty, or its header row lacks a
 * required column. Carries the problems as {@link RowError}s (row 1 for header problems, row 0 for
 * the whole file) so the importer can show them like any other row error. Its message (for logs) names the
 * reasons by their message keys; the words come from the bundles where the errors are shown.
 */
public final class SheetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<RowError> errors;

    /** A failure with one or more errors; the list must not be empty. */
    public SheetException(List<RowError> errors) {
        this(errors, null);
    }

    /** A failure with a single error. */
    public SheetException(RowError error) {
        this(List.of(error), null);
    }

    /** A failure with a single error caused by a lower-level exception (kept for logs). */
    public SheetException(RowError error, Throwable cause) {
        this(List.of(error), cause);
    }

    private SheetException(List<RowError> errors, Throwable cause) {
        super(describe(errors), cause);
        this.errors = List.copyOf(errors);
    }

    /** The problems, in file order; never empty. */
    public List<RowError> errors() {
        return errors;
    }

    /** A whole-file problem for the reason {@code key}, e.g. {@code row.file.empty}. */
    static SheetException file(String key) {
        return new SheetException(RowError.file(key));
    }

    /** A whole-file problem for the reason {@code key}, caused by {@code cause} (kept for logs). */
    static SheetException file(String key, Throwable cause) {
        return new SheetException(RowError.file(key), cause);
    }

    private static String describe(List<RowError> errors) {
        if (errors == null || errors.isEmpty()) {
            throw new IllegalArgumentException("a SheetException needs at least one RowError");
        }
        return errors.stream().map(RowError::logLine).collect(Collectors.joining("; "));
    }
}
