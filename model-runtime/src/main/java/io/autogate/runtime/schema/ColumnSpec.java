package io.autogate.runtime.schema;

import java.util.Objects;

/**
 * One input column of a model: its name, its type and, for datetime columns, the pattern its
 * values were recognised in ({@code null} for ISO-8601 or non-datetime columns).
 */
public record ColumnSpec(String name, ColumnType type, String datetimePattern) {
    public ColumnSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.isBlank()) {
            throw new IllegalArgumentException("column name is blank");
        }
    }

    /** A column without a datetime pattern. */
    public static ColumnSpec of(String name, ColumnType type) {
        return new ColumnSpec(name, type, null);
    }
}
