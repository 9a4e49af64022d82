package io.autogate.runtime.model.smile;

import java.util.Arrays;

/** Checks on the feature batches and class-probability rows the Smile wrappers handle. */
final class FeatureRows {
    private FeatureRows() {
    }

    /** Throws {@link IllegalArgumentException} unless every row has {@code numFeatures} values. */
    static void check(double[][] features, int numFeatures) {
        if (features == null) {
            throw new IllegalArgumentException("features must not be null");
        }
        for (int i = 0; i < features.length; i++) {
            if (features[i] == null) {
                throw new IllegalArgumentException("feature row " + i + " is null");
            }
            if (features[i].length != numFeatures) {
                throw new IllegalArgumentException("feature row " + i + " has " + features[i].length
                        + " values, the model expects " + numFeatures);
            }
        }
    }

    /**
     * Validates a mapping from the Smile model's class positions to Autogate class indices:
     * distinct, increasing, within {@code 0..numClasses-1}, at least two entries.
     */
    static int[] checkClassIndices(int[] classIndices, int numClasses) {
        if (numClasses < 2) {
            throw new IllegalArgumentException("a classifier needs at least 2 classes, got " + numClasses);
        }
        if (classIndices == null || classIndices.length < 2 || classIndices.length > numClasses) {
            throw new IllegalArgumentException("classIndices must map 2.." + numClasses + " model classes, got "
                    + (classIndices == null ? "null" : Arrays.toString(classIndices)));
        }
        for (int j = 0; j < classIndices.length; j++) {
            if (classIndices[j] < 0 || classIndices[j] >= numClasses || (j > 0 && classIndices[j] <= classIndices[j - 1])) {
                throw new IllegalArgumentException("classIndices must be increasing class indices below " + numClasses
                        + ", got " + Arrays.toString(classIndices));
            }
        }
        return classIndices.clone();
    }

    /**
     * Spreads the model's posterior (one entry per model class) onto a row of {@code numClasses}
     * probabilities, renormalised to sum to 1; classes the model never saw get 0.
     *
     * @throws IllegalStateException if the posterior is not a finite, non-negative vector with a positive sum
     */
    static double[] spread(double[] posterior, int[] classIndices, int numClasses) {
        double sum = 0;
        for (double v : posterior) {
            if (!(v >= 0) || !Double.isFinite(v)) {
                throw new IllegalStateException("the Smile model produced an invalid class probability " + v);
            }
            sum += v;
        }
        if (!(sum > 0)) {
            throw new IllegalStateException("the Smile model produced class probabilities that sum to " + sum);
        }
        double[] row = new double[numClasses];
        for (int j = 0; j < classIndices.length; j++) {
            row[classIndices[j]] = posterior[j] / sum;
        }
        return row;
    }
}
