package io.autogate.runtime.profile;

import io.autogate.runtime.schema.ColumnType;
import java.util.List;
import java.util.Map;

/**
 * Summary statistics of one column at training time; the reference for drift checks later.
 * Numeric fields are {@code null} for non-numeric columns; {@code quantiles} maps "p01", "p05",
 * "p25", "p50", "p75", "p95", "p99" to values; {@code histogram} holds the non-missing values' bin
 * counts that drift checks compare with ({@code null} in artifacts written before it existed, which
 * fall back to the quantiles); {@code topCategories} holds up to 20 most frequent values for
 * categorical, boolean and text columns.
 */
public record ColumnProfile(
        String name,
        ColumnType type,
        long count,
        long missing,
        long distinct,
        Double min,
        Double max,
        Double mean,
        Double std,
        Map<String, Double> quantiles,
        NumericHistogram histogram,
        List<CategoryCount> topCategories,
        String datetimePattern,
        String note) {

    /** Share of rows with a missing value, 0 when the column is empty. */
    public double missingRate() {
        return count == 0 ? 0 : (double) missing / count;
    }
}
