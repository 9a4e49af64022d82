package io.autogate.runtime.schema;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One raw input row: column name to the value as text, exactly as it came from CSV or JSON.
 * Rows read from a table share one column index, so millions of rows cost one array each.
 * Immutable and thread-safe.
 */
public final class Row {
    private static final Set<String> MISSING_TOKENS = Set.of("", "na", "nan", "null", "?", "n/a", "none");
    private static final int MISSING_TOKEN_MAX_LENGTH = 4;

    private final Map<String, Integer> index;
    private final String[] values;

    private Row(Map<String, Integer> index, String[] values) {
        this.index = index;
        this.values = values;
    }

    /** A row from a map of column name to value; {@code null} values mean missing. */
    public static Row of(Map<String, String> values) {
        Map<String, Integer> idx = new LinkedHashMap<>();
        String[] vals = new String[values.size()];
        int i = 0;
        for (Map.Entry<String, String> e : values.entrySet()) {
            idx.put(e.getKey(), i);
            vals[i++] = e.getValue();
        }
        return new Row(Collections.unmodifiableMap(idx), vals);
    }

    /** Builds a shared column index for {@link #of(Map, String[])}. */
    public static Map<String, Integer> index(List<String> header) {
        Map<String, Integer> idx = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            idx.putIfAbsent(header.get(i), i);
        }
        return Collections.unmodifiableMap(idx);
    }

    /** A row over a shared index from {@link #index(List)}; the array is not copied. */
    public static Row of(Map<String, Integer> sharedIndex, String[] values) {
        return new Row(Objects.requireNonNull(sharedIndex), Objects.requireNonNull(values));
    }

    /** The raw value of a column, or {@code null} when the row does not have it. */
    public String get(String column) {
        Integer i = index.get(column);
        return i == null || i >= values.length ? null : values[i];
    }

    /** Whether the row has the column at all (a missing value still counts as present). */
    public boolean has(String column) {
        Integer i = index.get(column);
        return i != null && i < values.length;
    }

    /** Column names this row carries. */
    public Set<String> columns() {
        return index.keySet();
    }

    /** Whether a raw value means "missing": null, empty, NA, NaN, null, ?, N/A or None (any case). */
    public static boolean isMissing(String raw) {
        if (raw == null) {
            return true;
        }
        int n = raw.length();
        if (n > MISSING_TOKEN_MAX_LENGTH && !Character.isWhitespace(raw.charAt(0))
                && !Character.isWhitespace(raw.charAt(n - 1))) {
            return false; // longer than every missing token: no need to strip and lower-case
        }
        return MISSING_TOKENS.contains(raw.strip().toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (String c : columns()) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append(c).append('=').append(get(c));
        }
        return sb.append('}').toString();
    }
}
