package org.baiti.sheet;

import java.io.Serializable;
import java.util.Objects;

/**
 * One problem in an uploaded sheet, in the words shown to the person who uploaded it.
 *
 * <p>{@code row} is the spreadsheet row as the person sees it (1 = header row, so the first data row
 * is 2); {@code 0} means the whole file. {@code column} is the column's {@link Column#label() label}
 * ({@code ""} when the problem is not about one column). {@code reason} is Chinese first, then
 * {@code " / "}, then English, e.g. {@code "必填 / required"}. The static factories hold the common
 * reasons so the three importers word them alike.
 *
 * @param row    1-based row number as seen in Excel, or 0 for the whole file
 * @param column column label, or {@code ""}
 * @param reason bilingual reason, {@code "中文 / English"}
 */
public record RowError(int row, String column, String reason) implements Serializable {

    public RowError {
        if (row < 0) {
            throw new IllegalArgumentException("row must be >= 0: " + row);
        }
        column = column == null ? "" : column;
        Objects.requireNonNull(reason, "reason");
    }

    /** A problem with the given bilingual wording: {@code zh + " / " + en}. */
    public static RowError of(int row, String column, String zh, String en) {
        return new RowError(row, column, bilingual(zh, en));
    }

    /** The cell is empty but the column is required: "必填 / required". */
    public static RowError required(int row, Column column) {
        return of(row, column.label(), "必填", "required");
    }

    /** The cell's value is not acceptable; say why in both languages, e.g. ("不是有效的手机号", "not a valid phone number"). */
    public static RowError invalid(int row, Column column, String zh, String en) {
        return of(row, column.label(), zh, en);
    }

    /** The value repeats one already seen at {@code firstRow} where values must be unique. */
    public static RowError duplicate(int row, Column column, int firstRow) {
        return of(row, column.label(), "与第 " + firstRow + " 行重复", "duplicates row " + firstRow);
    }

    /** The value is longer than {@code max} characters. */
    public static RowError tooLong(int row, Column column, int max) {
        return of(row, column.label(), "不能超过 " + max + " 个字符", "at most " + max + " characters");
    }

    /** A problem with the whole file rather than one row (row 0, no column). */
    public static RowError file(String zh, String en) {
        return of(0, "", zh, en);
    }

    /** One line for logs and messages, e.g. {@code 第 3 行 / row 3, 准考证号: 必填 / required}. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (row > 0) {
            sb.append("第 ").append(row).append(" 行 / row ").append(row);
        }
        if (!column.isEmpty()) {
            sb.append(sb.length() > 0 ? ", " : "").append(column);
        }
        return sb.length() > 0 ? sb.append(": ").append(reason).toString() : reason;
    }

    private static String bilingual(String zh, String en) {
        return Objects.requireNonNull(zh, "zh") + " / " + Objects.requireNonNull(en, "en");
    }
}
