package io.autogate.engine.ingest;

import io.autogate.engine.data.Table;
import io.autogate.runtime.profile.CategoryCount;
import io.autogate.runtime.profile.ColumnProfile;
import io.autogate.runtime.profile.DatasetProfile;
import io.autogate.runtime.profile.NumericHistogram;
import io.autogate.runtime.schema.ColumnSpec;
import io.autogate.runtime.schema.ColumnType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Summarises a table column by column: count, missing and distinct values for every column;
 * min, max, mean, standard deviation (sample) and the quantiles p01, p05, p25, p50, p75, p95, p99
 * (linear interpolation) and the {@link NumericHistogram} drift checks use for numeric columns; the 20 most frequent values for categorical,
 * boolean and text columns; the pattern of datetime columns; and, for columns that will not feed
 * the model (ID, constant, text), a note saying why. The dataset notes repeat those drops in plain
 * words, e.g. "column 'PassengerId' dropped: unique per row (ID-like)", and point out columns that
 * are mostly missing. Stateless and thread-safe.
 */
public final class Profiler {
    /** How many of the most frequent values a profile keeps. */
    public static final int TOP_CATEGORIES = 20;
    /** Quantile keys and levels, in order. */
    private static final String[] QUANTILE_KEYS = {"p01", "p05", "p25", "p50", "p75", "p95", "p99"};
    private static final double[] QUANTILE_LEVELS = {0.01, 0.05, 0.25, 0.50, 0.75, 0.95, 0.99};
    /** Above this share of missing values a column gets a dataset note. */
    private static final double MOSTLY_MISSING = 0.5;

    private Profiler() {
    }

    /** Profiles a table whose columns have these specs (same order as the header), without a target. */
    public static DatasetProfile profile(Table table, List<ColumnSpec> specs) {
        return profile(table, specs, null);
    }

    /**
     * Profiles a table whose columns have these specs (same order as the header). The target
     * column, when not {@code null}, is never noted as dropped.
     */
    public static DatasetProfile profile(Table table, List<ColumnSpec> specs, String target) {
        if (specs.size() != table.header().size()) {
            throw new IllegalArgumentException("specs for " + specs.size() + " columns, the table has "
                    + table.header().size());
        }
        List<ColumnProfile> columns = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int c = 0; c < specs.size(); c++) {
            ColumnSpec spec = specs.get(c);
            if (!spec.name().equals(table.header().get(c))) {
                throw new IllegalArgumentException("spec " + c + " is '" + spec.name() + "', the column is '"
                        + table.header().get(c) + "'");
            }
            boolean isTarget = spec.name().equals(target);
            ColumnProfile p = column(spec, ColumnTypeInference.columnValues(table, c), isTarget);
            columns.add(p);
            if (p.note() != null) {
                notes.add("column '" + spec.name() + "' " + p.note());
            } else if (!isTarget && p.count() > 0 && p.missingRate() > MOSTLY_MISSING) {
                notes.add(String.format(Locale.ROOT, "column '%s' is missing in %.0f%% of rows", spec.name(),
                        100 * p.missingRate()));
            }
        }
        return new DatasetProfile(table.rows().size(), columns, notes);
    }

    /** The profile of one column from its raw values. */
    public static ColumnProfile column(ColumnSpec spec, List<String> values, boolean isTarget) {
        long missing = 0;
        Map<String, Long> counts = new HashMap<>();
        for (String raw : values) {
            if (MissingValues.isMissing(raw)) {
                missing++;
            } else {
                counts.merge(raw.strip(), 1L, Long::sum);
            }
        }
        Double min = null;
        Double max = null;
        Double mean = null;
        Double std = null;
        Map<String, Double> quantiles = null;
        NumericHistogram histogram = null;
        if (spec.type() == ColumnType.NUMERIC) {
            double[] x = numbers(values);
            if (x.length > 0) {
                Arrays.sort(x);
                min = x[0];
                max = x[x.length - 1];
                double m = Arrays.stream(x).sum() / x.length;
                double ss = 0;
                for (double v : x) {
                    ss += (v - m) * (v - m);
                }
                mean = m;
                std = x.length > 1 ? Math.sqrt(ss / (x.length - 1)) : 0.0;
                quantiles = new LinkedHashMap<>();
                for (int q = 0; q < QUANTILE_KEYS.length; q++) {
                    quantiles.put(QUANTILE_KEYS[q], quantile(x, QUANTILE_LEVELS[q]));
                }
                histogram = NumericHistogram.of(x);
            }
        }
        List<CategoryCount> top = switch (spec.type()) {
            case CATEGORICAL, BOOLEAN, TEXT -> top(counts);
            default -> List.of();
        };
        String note = isTarget ? null : switch (spec.type()) {
            case ID -> "dropped: unique per row (ID-like)";
            case CONSTANT -> counts.isEmpty() ? "dropped: constant (every value missing)" : "dropped: constant";
            case TEXT -> "dropped: free text";
            default -> null;
        };
        return new ColumnProfile(spec.name(), spec.type(), values.size(), missing, counts.size(), min, max, mean, std,
                quantiles, histogram, top, spec.type() == ColumnType.DATETIME ? spec.datetimePattern() : null, note);
    }

    /** Type-7 (linear) quantile of sorted values. */
    static double quantile(double[] sorted, double level) {
        double h = (sorted.length - 1) * level;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static double[] numbers(List<String> values) {
        double[] out = new double[values.size()];
        int n = 0;
        for (String raw : values) {
            if (!MissingValues.isMissing(raw)) {
                double v = NumericText.parse(raw.strip());
                if (!Double.isNaN(v)) {
                    out[n++] = v;
                }
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static List<CategoryCount> top(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_CATEGORIES)
                .map(e -> new CategoryCount(e.getKey(), e.getValue()))
                .toList();
    }
}
