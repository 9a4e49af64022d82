package io.autogate.runtime.pipeline;

import java.util.List;
import java.util.Objects;

/**
 * A high-cardinality categorical column as smoothed target statistics (m-estimate toward the
 * prior): for regression the mean target, for binary classification P(class 1), for multiclass one
 * output per class. {@code encodings} holds one row per training category; a missing value or a
 * category not seen in training gets {@code prior}. Each output is then standardised with its
 * {@code scalings} entry (identity in tree pipelines).
 */
public record TargetEncodingTransform(String column, CategoryTable encodings, List<Double> prior,
                                      List<Scaling> scalings, List<String> outputNames)
        implements ColumnTransform {
    public TargetEncodingTransform {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(encodings, "encodings");
        prior = List.copyOf(prior);
        scalings = List.copyOf(scalings);
        outputNames = List.copyOf(outputNames);
        int w = outputNames.size();
        if (w == 0 || prior.size() != w || scalings.size() != w || (encodings.size() > 0 && encodings.width() != w)) {
            throw new IllegalArgumentException("target encoding of '" + column
                    + "' needs as many priors, scalings and encoding values as outputs (" + w + ")");
        }
    }

    @Override
    public int width() {
        return outputNames.size();
    }

    @Override
    public void apply(String raw, double[] out, int offset) {
        int i = encodings.indexOf(RawValues.category(raw));
        for (int j = 0; j < outputNames.size(); j++) {
            double v = i >= 0 ? encodings.value(i, j) : prior.get(j);
            out[offset + j] = scalings.get(j).apply(v);
        }
    }
}
