package org.baiti.sheet;

import java.util.List;
import java.util.Objects;

/**
 * One column an importer wants: a canonical {@code key} and the header names (Chinese or English)
 * a file may use for it.
 *
 * <p>Header matching ignores case, surrounding and repeated spaces (including the full-width space
 * U+3000), a byte order mark, and full-width/half-width differences (NFKC). The first alias is the
 * name the template uses and the one shown in error messages ({@link #label()}).
 *
 * @param key      canonical name the importer uses, e.g. {@code "ticket"}; keys {@link SheetRow#values()}
 * @param aliases  accepted header names, first one preferred, e.g. {@code List.of("准考证号", "ticket")}
 * @param required whether a file without this column is rejected
 */
public record Column(String key, List<String> aliases, boolean required) {

    public Column {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(aliases, "aliases");
        if (key.isBlank()) {
            throw new IllegalArgumentException("column key must not be blank");
        }
        aliases = List.copyOf(aliases);
        if (aliases.isEmpty()) {
            throw new IllegalArgumentException("column " + key + " needs at least one alias");
        }
        for (String alias : aliases) {
            if (Text.headerKey(alias).isEmpty()) {
                throw new IllegalArgumentException("column " + key + " has a blank alias");
            }
        }
    }

    /** A column the file must have, e.g. {@code Column.required("ticket", "准考证号", "ticket")}. */
    public static Column required(String key, String... aliases) {
        return new Column(key, List.of(aliases), true);
    }

    /** A column the file may leave out; its value is then {@code ""} in every row. */
    public static Column optional(String key, String... aliases) {
        return new Column(key, List.of(aliases), false);
    }

    /** The name shown to people in error messages: the first alias. */
    public String label() {
        return aliases.get(0);
    }
}
