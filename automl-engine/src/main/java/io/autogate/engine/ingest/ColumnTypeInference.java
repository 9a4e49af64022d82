package io.autogate.engine.ingest;

import io.autogate.engine.data.Table;
import io.autogate.runtime.schema.ColumnSpec;
import io.autogate.runtime.schema.ColumnType;
import io.autogate.runtime.schema.Row;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Infers a column's {@link ColumnType} from its raw text values, a pure function of the values in
 * row order. Values are stripped; missing tokens are those of {@link Row#isMissing}. The rules, in
 * order:
 * <ol>
 * <li>CONSTANT: at most one distinct non-missing value.</li>
 * <li>Every non-missing value a plain number: ID when the values are integers, none missing, each
 * one more than the row before (a row number such as PassengerId); otherwise NUMERIC, so 0/1
 * flags, year numbers and unique measurements stay numbers.</li>
 * <li>BOOLEAN: exactly two distinct values (ignoring case) forming one of true/false, yes/no, y/n,
 * t/f.</li>
 * <li>DATETIME: at least 95% of the values parse with one pattern (see
 * {@link DateTimePatternFinder}); the pattern is kept in the spec.</li>
 * <li>ID: unique per row, none missing, and most values without spaces (codes, keys).</li>
 * <li>TEXT: distinct values over 50% of the non-missing values and mean length over 20, or most
 * values containing spaces and distinct values over 90%.</li>
 * <li>ID: any other column unique per row; otherwise CATEGORICAL.</li>
 * </ol>
 * Work is linear in the rows; number and date parsing is done once per distinct value.
 */
public final class ColumnTypeInference {
    private static final Set<Set<String>> BOOLEAN_PAIRS = Set.of(
            Set.of("true", "false"), Set.of("yes", "no"), Set.of("y", "n"), Set.of("t", "f"));

    private ColumnTypeInference() {
    }

    /** A spec for every column of a table, in header order. */
    public static List<ColumnSpec> infer(Table table) {
        List<ColumnSpec> specs = new ArrayList<>(table.header().size());
        for (int c = 0; c < table.header().size(); c++) {
            specs.add(infer(table.header().get(c), columnValues(table, c)));
        }
        return specs;
    }

    /** The raw values of column {@code c} of a table, as a view in row order. */
    public static List<String> columnValues(Table table, int c) {
        List<String[]> rows = table.rows();
        return new AbstractList<>() {
            @Override
            public String get(int i) {
                return rows.get(i)[c];
            }

            @Override
            public int size() {
                return rows.size();
            }
        };
    }

    /** The spec of one column from its raw values in row order ({@code null} counts as missing). */
    public static ColumnSpec infer(String name, List<String> values) {
        int rows = values.size();
        Map<String, Integer> counts = new LinkedHashMap<>();
        int nonMissing = 0;
        long totalLength = 0;
        int withSpace = 0;
        for (String raw : values) {
            if (MissingValues.isMissing(raw)) {
                continue;
            }
            String s = raw.strip();
            nonMissing++;
            totalLength += s.length();
            if (containsWhitespace(s)) {
                withSpace++;
            }
            counts.merge(s, 1, Integer::sum);
        }
        int distinct = counts.size();
        if (distinct <= 1) {
            return ColumnSpec.of(name, ColumnType.CONSTANT);
        }
        boolean uniquePerRow = nonMissing == rows && distinct == rows;
        if (counts.keySet().stream().allMatch(NumericText::isNumber)) {
            return ColumnSpec.of(name, uniquePerRow && isRowNumber(values) ? ColumnType.ID : ColumnType.NUMERIC);
        }
        if (isBooleanPair(counts.keySet())) {
            return ColumnSpec.of(name, ColumnType.BOOLEAN);
        }
        DateTimePatternFinder.Match date = DateTimePatternFinder.find(counts, nonMissing);
        if (date != null) {
            return new ColumnSpec(name, ColumnType.DATETIME, date.pattern());
        }
        boolean mostWithSpaces = 2L * withSpace > nonMissing;
        if (uniquePerRow && !mostWithSpaces) {
            return ColumnSpec.of(name, ColumnType.ID);
        }
        double distinctShare = (double) distinct / nonMissing;
        double meanLength = (double) totalLength / nonMissing;
        if ((distinctShare > 0.5 && meanLength > 20) || (mostWithSpaces && distinctShare > 0.9)) {
            return ColumnSpec.of(name, ColumnType.TEXT);
        }
        return ColumnSpec.of(name, uniquePerRow ? ColumnType.ID : ColumnType.CATEGORICAL);
    }

    /** Integers increasing by exactly 1 from row to row (every value present). */
    private static boolean isRowNumber(List<String> values) {
        double previous = Double.NaN;
        for (String raw : values) {
            double v = NumericText.parse(raw.strip());
            if (v != Math.rint(v) || Math.abs(v) > 1e15) {
                return false;
            }
            if (!Double.isNaN(previous) && v != previous + 1) {
                return false;
            }
            previous = v;
        }
        return true;
    }

    private static boolean isBooleanPair(Set<String> distinct) {
        Set<String> lower = new HashSet<>();
        for (String s : distinct) {
            lower.add(s.toLowerCase(Locale.ROOT));
            if (lower.size() > 2) {
                return false;
            }
        }
        return BOOLEAN_PAIRS.contains(lower);
    }

    private static boolean containsWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
