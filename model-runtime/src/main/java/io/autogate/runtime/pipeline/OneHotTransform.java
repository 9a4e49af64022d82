package io.autogate.runtime.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A low-cardinality categorical column as indicators: one output {@code <column>=<category>} per
 * kept category; then {@code <column>=__other__} when rare training categories were folded
 * together ({@code rareCategories} not empty); then {@code <column>=__missing__} when the column
 * had missing values in training. A category never seen in training sets all outputs to 0, as
 * does a missing value when there is no missing output.
 */
public record OneHotTransform(String column, List<String> categories, List<String> rareCategories,
                              boolean missingOutput) implements ColumnTransform {
    /** Output-name suffix of the folded rare categories. */
    public static final String OTHER = "__other__";
    /** Output-name suffix of missing values. */
    public static final String MISSING = "__missing__";

    public OneHotTransform {
        Objects.requireNonNull(column, "column");
        categories = List.copyOf(categories);
        rareCategories = List.copyOf(rareCategories);
    }

    @Override
    public List<String> outputNames() {
        List<String> names = new ArrayList<>(width());
        for (String c : categories) {
            names.add(column + "=" + c);
        }
        if (!rareCategories.isEmpty()) {
            names.add(column + "=" + OTHER);
        }
        if (missingOutput) {
            names.add(column + "=" + MISSING);
        }
        return List.copyOf(names);
    }

    @Override
    public int width() {
        return categories.size() + (rareCategories.isEmpty() ? 0 : 1) + (missingOutput ? 1 : 0);
    }

    @Override
    public void apply(String raw, double[] out, int offset) {
        int w = width();
        for (int i = 0; i < w; i++) {
            out[offset + i] = 0;
        }
        String key = RawValues.category(raw);
        if (key == null) {
            if (missingOutput) {
                out[offset + w - 1] = 1;
            }
            return;
        }
        int i = categories.indexOf(key);
        if (i >= 0) {
            out[offset + i] = 1;
        } else if (!rareCategories.isEmpty() && rareCategories.contains(key)) {
            out[offset + categories.size()] = 1;
        }
    }
}
