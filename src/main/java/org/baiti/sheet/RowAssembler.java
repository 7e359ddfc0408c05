package org.baiti.sheet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.baiti.text.TextInput;

/**
 * Turns physical rows (cell texts by position) into {@link SheetRow}s: the first non-blank row is
 * the header and is matched against the columns; later blank rows are skipped.
 */
final class RowAssembler {

    /** A file of garbage would otherwise list every cell. */
    static final int MAX_TEXT_ERRORS = 1000;

    private final List<Column> columns;
    private final Map<String, Integer> columnByAlias = new HashMap<>();
    private final Consumer<SheetRow> sink;
    /** The column keys in column order, shared by every row's {@link Cells}. */
    private final String[] keys;
    /** For each column, the cell position holding it, or -1; null until the header is read. */
    private int[] positions;
    /** Cells that break the text policy ({@link TextInput}), reported together after the last row. */
    private final List<RowError> textErrors = new ArrayList<>();

    RowAssembler(List<Column> columns, Consumer<SheetRow> sink) {
        this.columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
        this.sink = Objects.requireNonNull(sink, "rows");
        this.keys = this.columns.stream().map(Column::key).toArray(String[]::new);
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < this.columns.size(); i++) {
            Column column = this.columns.get(i);
            if (!keys.add(column.key())) {
                throw new IllegalArgumentException("duplicate column key: " + column.key());
            }
            for (String alias : column.aliases()) {
                Integer other = columnByAlias.putIfAbsent(Text.headerKey(alias), i);
                if (other != null && other != i) {
                    throw new IllegalArgumentException("alias '" + alias + "' used by both "
                            + this.columns.get(other).key() + " and " + column.key());
                }
            }
        }
    }

    /**
     * Feeds one physical row.
     *
     * @param rowNumber 1-based row number as seen in Excel
     * @param cells     cell texts by 0-based position; entries may be {@code null}; not kept
     * @throws SheetException if this is the header row and it lacks or repeats a column
     */
    void accept(int rowNumber, List<String> cells) {
        if (Text.allBlank(cells)) {
            return;
        }
        if (positions == null) {
            positions = matchHeader(rowNumber, cells);
            return;
        }
        String[] values = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            int position = positions[i];
            String cell = position >= 0 && position < cells.size() ? cells.get(position) : null;
            String value = TextInput.clean(Text.trim(cell));
            values[i] = value;
            Optional<TextInput.Problem> problem = TextInput.problemOfText(value);
            if (problem.isPresent() && textErrors.size() < MAX_TEXT_ERRORS) {
                textErrors.add(RowError.of(rowNumber, columns.get(i).label(), problem.get().key()));
            }
        }
        sink.accept(new SheetRow(rowNumber, new Cells(keys, values)));
    }

    /** Called after the last row. @throws SheetException if there was no header row at all */
    void finish() {
        if (positions == null) {
            throw new SheetException(RowError.of(1, "", "row.file.no_header"));
        }
        if (!textErrors.isEmpty()) {
            throw new SheetException(textErrors);
        }
    }

    private int[] matchHeader(int rowNumber, List<String> cells) {
        int[] found = new int[columns.size()];
        Arrays.fill(found, -1);
        String[] foundAs = new String[columns.size()];
        List<RowError> errors = new ArrayList<>();
        for (int position = 0; position < cells.size(); position++) {
            String name = Text.trim(cells.get(position));
            Integer index = columnByAlias.get(Text.headerKey(name));
            if (index == null) {
                continue; // unknown or empty header cell: ignored
            }
            Column column = columns.get(index);
            if (found[index] >= 0) {
                String first = foundAs[index];
                errors.add(first.equals(name)
                        ? RowError.of(rowNumber, column.label(), "row.header.repeated", name)
                        : RowError.of(rowNumber, column.label(), "row.header.same_column", first, name));
                continue;
            }
            found[index] = position;
            foundAs[index] = name;
        }
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            if (column.required() && found[i] < 0) {
                // the names listed the Chinese way ({0}: 准考证号、ticket) and the English way ({1}: 准考证号, ticket)
                errors.add(RowError.of(rowNumber, column.label(), "row.header.missing",
                        String.join("、", column.aliases()), String.join(", ", column.aliases())));
            }
        }
        if (!errors.isEmpty()) {
            throw new SheetException(errors);
        }
        return found;
    }
}
