package io.autogate.runtime.pipeline;

import java.util.List;
import java.util.Objects;

/**
 * A high-cardinality categorical column as the share of training rows holding each value
 * (one output {@code <column>_freq}); a missing value gets the share of training rows that were
 * missing, a category not seen in training gets 0.
 */
public record FrequencyTransform(String column, CategoryTable frequencies, double missingFrequency)
        implements ColumnTransform {
    public FrequencyTransform {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(frequencies, "frequencies");
        if (frequencies.size() > 0 && frequencies.width() != 1) {
            throw new IllegalArgumentException("frequency table of '" + column + "' must have width 1");
        }
        if (!(missingFrequency >= 0 && missingFrequency <= 1)) {
            throw new IllegalArgumentException("missing frequency of '" + column + "' must be in [0, 1]");
        }
    }

    @Override
    public List<String> outputNames() {
        return List.of(column + "_freq");
    }

    @Override
    public int width() {
        return 1;
    }

    @Override
    public void apply(String raw, double[] out, int offset) {
        String key = RawValues.category(raw);
        if (key == null) {
            out[offset] = missingFrequency;
        } else {
            int i = frequencies.indexOf(key);
            out[offset] = i >= 0 ? frequencies.value(i, 0) : 0;
        }
    }
}
