package org.baiti.sheet;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.baiti.refusal.Refusal;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;

/**
 * One problem in an uploaded sheet: where it is, and why, worded in the reader's language when it is shown.
 *
 * <p>{@code row} is the spreadsheet row as the person sees it (1 = header row, so the first data row
 * is 2); {@code 0} means the whole file. {@code column} is the column as the importer names it (data, shown as it
 * is; {@code ""} when the problem is not about one column). {@code reason} is a message key with its arguments
 * ({@link Reason}), e.g. {@code row.required} → "必填" / "required". The static factories hold the common reasons
 * so the importers word them alike.
 *
 * <p>In a {@link Refusal}'s details a row error is shown as {@code {"row", "column", "reason"}} in the request's
 * language (docs/api.md); elsewhere (the command line, a page, a stored import job) {@link #reason(MessageSource, Locale)},
 * {@link #describe(MessageSource, Locale)} and {@link #worded(MessageSource, Locale)} word it. This class only
 * names the two Spring interfaces that carry the words; the package stays free of Spring beans.
 *
 * @param row    1-based row number as seen in Excel, or 0 for the whole file
 * @param column column name, or {@code ""}
 * @param reason why, as a message key and arguments
 */
public record RowError(int row, String column, Reason reason) implements Refusal.Detail, Serializable {

    public RowError {
        if (row < 0) {
            throw new IllegalArgumentException("row must be >= 0: " + row);
        }
        column = column == null ? "" : column;
        Objects.requireNonNull(reason, "reason");
    }

    /** A row error in {@code column} of {@code row}, for the reason {@code key} with its arguments. */
    public static RowError of(int row, String column, String key, Object... args) {
        return new RowError(row, column, Reason.of(key, args));
    }

    /** The cell is empty but the column is required: "必填" / "required". */
    public static RowError required(int row, Column column) {
        return of(row, column.label(), "row.required");
    }

    /** The cell's value is not acceptable, for the reason {@code key}, e.g. {@code row.phone.invalid}. */
    public static RowError invalid(int row, Column column, String key, Object... args) {
        return of(row, column.label(), key, args);
    }

    /** The value repeats one already seen at {@code firstRow} where values must be unique. */
    public static RowError duplicate(int row, Column column, int firstRow) {
        return of(row, column.label(), "row.duplicate", String.valueOf(firstRow));
    }

    /** The value is longer than {@code max} characters. */
    public static RowError tooLong(int row, Column column, int max) {
        return of(row, column.label(), "row.too_long", max);
    }

    /** A problem with the whole file rather than one row (row 0, no column). */
    public static RowError file(String key, Object... args) {
        return of(0, "", key, args);
    }

    /** The reason's message key, e.g. {@code row.required}. */
    public String key() {
        return reason.key();
    }

    /** The reason in {@code locale}'s words, e.g. "必填". */
    public String reason(MessageSource messages, Locale locale) {
        return reason.in((key, args) -> messages.getMessage(key, args, key, locale));
    }

    /** One line for the command line and logs, e.g. "第 3 行，准考证号：必填" / "row 3, 准考证号: required". */
    public String describe(MessageSource messages, Locale locale) {
        String why = reason(messages, locale);
        if (row > 0 && !column.isEmpty()) {
            return messages.getMessage("row.describe.cell", new Object[] {String.valueOf(row), column, why}, locale);
        }
        if (row > 0) {
            return messages.getMessage("row.describe.row", new Object[] {String.valueOf(row), why}, locale);
        }
        if (!column.isEmpty()) {
            return messages.getMessage("row.describe.column", new Object[] {column, why}, locale);
        }
        return why;
    }

    /** This error with its reason in {@code locale}'s words, for a page's table or a stored job's JSON. */
    public Worded worded(MessageSource messages, Locale locale) {
        return new Worded(row, column, reason(messages, locale));
    }

    /** As docs/api.md lists a bad row: {@code {"row", "column", "reason"}}, the reason in the words of {@code words}. */
    @Override
    public Map<String, Object> shown(Function<MessageSourceResolvable, String> words) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("row", row);
        m.put("column", column);
        m.put("reason", reason.in((key, args) -> words.apply(new Wording(key, args))));
        return m;
    }

    /** One line for logs, the reason as its key: {@code row 3, 准考证号: row.required}. */
    String logLine() {
        String where = (row > 0 ? "row " + row : "") + (row > 0 && !column.isEmpty() ? ", " : "") + column;
        return where.isEmpty() ? reason.toString() : where + ": " + reason;
    }

    /** A row error in words: what a page shows and a stored import job keeps for its reader. */
    public record Worded(int row, String column, String reason) {
    }

    /** A key with its arguments for a {@link MessageSource}; the key itself when the bundles lack it. */
    private record Wording(String key, Object[] args) implements MessageSourceResolvable {

        @Override
        public String[] getCodes() {
            return new String[] {key};
        }

        @Override
        public Object[] getArguments() {
            return args.clone();
        }

        @Override
        public String getDefaultMessage() {
            return key;
        }
    }
}
