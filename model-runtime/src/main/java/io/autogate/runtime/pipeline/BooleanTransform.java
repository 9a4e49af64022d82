package io.autogate.runtime.pipeline;

import java.util.List;
import java.util.Objects;

/**
 * A two-valued column as 1/0: {@code trueValue} (the true-like one of the training values: true,
 * yes, y, t, 1) is 1 and {@code falseValue} is 0, compared ignoring case; other true/false words
 * map the same way. Missing values and values that are neither become {@code imputed} (the
 * training mode) and, when the column had such values in training, a second output
 * {@code <column>_missing} is 1 for them. Either training value may be {@code null} when
 * training saw only one.
 */
public record BooleanTransform(String column, String trueValue, String falseValue, double imputed,
                               boolean missingIndicator) implements ColumnTransform {
    public BooleanTransform {
        Objects.requireNonNull(column, "column");
        if (imputed != 0 && imputed != 1) {
            throw new IllegalArgumentException("imputed value of boolean '" + column + "' must be 0 or 1");
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
        double v = valueOf(RawValues.category(raw));
        boolean missing = Double.isNaN(v);
        out[offset] = missing ? imputed : v;
        if (missingIndicator) {
            out[offset + 1] = missing ? 1 : 0;
        }
    }

    private double valueOf(String key) {
        if (key == null) {
            return Double.NaN;
        }
        if (key.equalsIgnoreCase(trueValue)) {
            return 1;
        }
        if (key.equalsIgnoreCase(falseValue)) {
            return 0;
        }
        if (RawValues.isTrueWord(key)) {
            return 1;
        }
        return RawValues.isFalseWord(key) ? 0 : Double.NaN;
    }
}
