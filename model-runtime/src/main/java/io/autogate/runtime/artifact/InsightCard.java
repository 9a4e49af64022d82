package io.autogate.runtime.artifact;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What a model version leans on and where it errs, for charts and plain words: computed by the
 * engine from the final model's out-of-fold predictions (rows each fold model never saw). Optional
 * in the manifest: versions trained before it existed, imported and forecasting models have none.
 *
 * @param source            how the figures were obtained, in words
 * @param rows              rows the figures are computed on
 * @param metric            the primary metric the importance is measured with
 * @param importanceMethod  {@code permutation}: the rise in the primary metric's loss when one
 *                          column's values are shuffled among the rows (seeded)
 * @param featureImportance one entry per input column, largest first
 * @param confusion         classification only: counts of actual (rows) by predicted (columns) class
 * @param predictedVsActual regression only: a seeded sample of (actual, predicted) pairs
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InsightCard(
        String source,
        int rows,
        String metric,
        @JsonProperty("importance_method") String importanceMethod,
        @JsonProperty("feature_importance") List<FeatureImportance> featureImportance,
        ConfusionMatrix confusion,
        @JsonProperty("predicted_vs_actual") PredictedVsActual predictedVsActual) {
    public InsightCard {
        featureImportance = featureImportance == null ? List.of() : List.copyOf(featureImportance);
    }

    /** How much the loss rises ({@code importance}) when {@code feature} is shuffled; larger means leaned on more. */
    public record FeatureImportance(String feature, double importance) {
    }

    /**
     * {@code counts[a][p]}: rows of actual class {@code classes[a]} predicted as {@code classes[p]}
     * (the most probable class).
     */
    public record ConfusionMatrix(List<String> classes, int[][] counts) {
        public ConfusionMatrix {
            classes = List.copyOf(classes);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ConfusionMatrix c && classes.equals(c.classes) && java.util.Arrays.deepEquals(counts, c.counts);
        }

        @Override
        public int hashCode() {
            return classes.hashCode() * 31 + java.util.Arrays.deepHashCode(counts);
        }

        @Override
        public String toString() {
            return "ConfusionMatrix" + classes + java.util.Arrays.deepToString(counts);
        }
    }

    /** Paired actual and out-of-fold predicted values of sampled rows. */
    public record PredictedVsActual(double[] actual, double[] predicted) {
        @Override
        public boolean equals(Object o) {
            return o instanceof PredictedVsActual p && java.util.Arrays.equals(actual, p.actual)
                    && java.util.Arrays.equals(predicted, p.predicted);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(actual) * 31 + java.util.Arrays.hashCode(predicted);
        }

        @Override
        public String toString() {
            return "PredictedVsActual(" + actual.length + " points)";
        }
    }
}
