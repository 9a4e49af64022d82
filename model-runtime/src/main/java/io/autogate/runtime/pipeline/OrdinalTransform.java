package io.autogate.runtime.pipeline;

import java.util.List;
import java.util.Objects;

/**
 * A low-cardinality categorical column as one integer code for tree models: the category's
 * position in {@code categories}, {@value #MISSING} for a missing value and {@value #UNSEEN} for a
 * category not seen in training.
 */
public record OrdinalTransform(String column, List<String> categories) implements ColumnTransform {
    /** Code of a missing value. */
    public static final double MISSING = -1;
    /** Code of a category not seen in training. */
    public static final double UNSEEN = -2;

    public OrdinalTransform {
        Objects.requireNonNull(column, "column");
        categories = List.copyOf(categories);
    }

    @Override
    public List<String> outputNames() {
        return List.of(column);
    }

    @Override
    public int width() {
        return 1;
    }

    @Override
    public void apply(String raw, double[] out, int offset) {
        String key = RawValues.category(raw);
        if (key == null) {
            out[offset] = MISSING;
        } else {
            int i = categories.indexOf(key);
            out[offset] = i >= 0 ? i : UNSEEN;
        }
    }
}
