package io.autogate.engine.ingest;

import io.autogate.engine.BadInputException;
import io.autogate.engine.data.Table;
import io.autogate.runtime.schema.ColumnSpec;
import io.autogate.runtime.schema.ColumnType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A person's say over a column's type, in place of {@link ColumnTypeInference}'s guess: numbers kept
 * as categories (codes such as a zip or a rating), labels read as numbers, a column read as dates, or
 * as free text (left out of the features). Each override is checked against the values: a column
 * made numeric must hold numbers only, one made a date must parse with one pattern. The target's
 * type is not set this way: its task decides it.
 */
public final class ColumnTypeOverrides {
    /** The types a column can be set to, by their API names. */
    public static final Map<String, ColumnType> SETTABLE = Map.of("numeric", ColumnType.NUMERIC,
            "categorical", ColumnType.CATEGORICAL, "datetime", ColumnType.DATETIME, "text", ColumnType.TEXT);

    private ColumnTypeOverrides() {
    }

    /** The type of an API name ({@code numeric}, {@code categorical}, {@code datetime}, {@code text}), if settable. */
    public static Optional<ColumnType> parse(String name) {
        return Optional.ofNullable(name == null ? null : SETTABLE.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Why column {@code c} of {@code table} cannot be read as {@code type}, or empty when it can. */
    public static Optional<String> problem(Table table, int c, ColumnType type) {
        return switch (type) {
            case NUMERIC -> firstNonNumber(table, c);
            case DATETIME -> dateMatch(table, c) == null
                    ? Optional.of("its values do not read as dates or times in one pattern")
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    /**
     * Specs with the overrides applied, in header order; a bad override is a {@link BadInputException}
     * naming the column.
     */
    public static List<ColumnSpec> apply(Table table, List<ColumnSpec> inferred, Map<String, ColumnType> overrides,
                                         String target) {
        List<ColumnSpec> out = new ArrayList<>(inferred);
        overrides.forEach((column, type) -> {
            int c = table.header().indexOf(column);
            if (c < 0) {
                throw new BadInputException("column type override for '" + column + "': no such column");
            }
            if (column.equals(target)) {
                throw new BadInputException("column type override for '" + column + "': it is the target, whose type"
                        + " follows from the task");
            }
            problem(table, c, type).ifPresent(p -> {
                throw new BadInputException("column '" + column + "' cannot be " + type.name().toLowerCase(Locale.ROOT)
                        + ": " + p);
            });
            out.set(c, type == ColumnType.DATETIME ? new ColumnSpec(column, type, dateMatch(table, c).pattern())
                    : ColumnSpec.of(column, type));
        });
        return out;
    }

    private static Optional<String> firstNonNumber(Table table, int c) {
        List<String> values = ColumnTypeInference.columnValues(table, c);
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            if (!MissingValues.isMissing(v) && !NumericText.isNumber(v.strip())) {
                return Optional.of("it has the value '" + v.strip() + "' (line " + table.lineNumbers().get(i)
                        + "), which is not a number");
            }
        }
        return Optional.empty();
    }

    /** The date pattern the column's values fit (its pattern null for ISO-8601), or null when none fits. */
    private static DateTimePatternFinder.Match dateMatch(Table table, int c) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        int nonMissing = 0;
        for (String v : ColumnTypeInference.columnValues(table, c)) {
            if (!MissingValues.isMissing(v)) {
                counts.merge(v.strip(), 1, Integer::sum);
                nonMissing++;
            }
        }
        return DateTimePatternFinder.find(counts, nonMissing);
    }
}
