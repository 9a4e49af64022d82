package io.autogate.runtime.pipeline;

import java.util.List;
import java.util.Objects;

/**
 * A numeric column: missing or unparseable values become the training {@code median}; when the
 * column had missing values in training, a second output {@code <column>_missing} is 1 for them;
 * the value (not the indicator) is then standardised with {@code scaling}.
 */
public record NumericTransform(String column, double median, boolean missingIndicator, Scaling scaling)
        implements ColumnTransform {
    public NumericTransform {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(scaling, "scaling");
        if (!Double.isFinite(median)) {
            throw new IllegalArgumentException("median of '" + column + "' is not finite");
        }
    }

    @Override
    public List<String> outputNames() {
        return missingIndicator ? List.of(column, column + "_missing") : List.of(column);
    }

    @Override
    public int width() {
        return missingIndicator ? 2 : 1;
    }

    @Override
    public void apply(String raw, double[] out, int offset) {
        double v = RawValues.number(raw);
        boolean missing = Double.isNaN(v);
        out[offset] = scaling.apply(missing ? median : v);
        if (missingIndicator) {
            out[offset + 1] = missing ? 1 : 0;
        }
    }
}
