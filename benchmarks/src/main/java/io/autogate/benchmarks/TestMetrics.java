package io.autogate.benchmarks;

import java.util.Arrays;
import java.util.List;

/**
 * The test-set metrics of the benchmark, computed the same way for both systems: ROC AUC (ties get
 * the average rank, so a tie between a positive and a negative counts one half), accuracy and RMSE.
 */
public final class TestMetrics {

    private TestMetrics() {
    }

    /**
     * Area under the ROC curve via the Mann-Whitney statistic with mid-ranks for tied scores.
     *
     * @param positive {@code positive[i]} is whether row {@code i} belongs to the positive class
     * @param score    a higher score means more likely positive; must be finite
     * @throws IllegalArgumentException if lengths differ, a score is not finite or one class is absent
     */
    public static double auc(boolean[] positive, double[] score) {
        if (positive.length != score.length) {
            throw new IllegalArgumentException("labels and scores differ in length: " + positive.length
                    + " vs " + score.length);
        }
        int n = score.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(score[i])) {
                throw new IllegalArgumentException("score " + i + " is not finite: " + score[i]);
            }
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(score[a], score[b]));
        double positiveRankSum = 0;
        long positives = 0;
        int start = 0;
        while (start < n) {
            int end = start;
            while (end + 1 < n && score[order[end + 1]] == score[order[start]]) {
                end++;
            }
            double midRank = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++) {
                if (positive[order[k]]) {
                    positiveRankSum += midRank;
                    positives++;
                }
            }
            start = end + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("AUC needs both classes; found " + positives + " positive and "
                    + negatives + " negative rows");
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /** Fraction of rows whose predicted label is the actual label (see {@link ClassLabels#same}). */
    public static double accuracy(List<String> actual, List<String> predicted) {
        if (actual.size() != predicted.size()) {
            throw new IllegalArgumentException("actual and predicted differ in length: " + actual.size()
                    + " vs " + predicted.size());
        }
        if (actual.isEmpty()) {
            throw new IllegalArgumentException("accuracy of zero rows is undefined");
        }
        int correct = 0;
        for (int i = 0; i < actual.size(); i++) {
            if (ClassLabels.same(actual.get(i), predicted.get(i))) {
                correct++;
            }
        }
        return (double) correct / actual.size();
    }

    /** Root mean squared error. */
    public static double rmse(double[] actual, double[] predicted) {
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException("actual and predicted differ in length: " + actual.length
                    + " vs " + predicted.length);
        }
        if (actual.length == 0) {
            throw new IllegalArgumentException("RMSE of zero rows is undefined");
        }
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            double error = actual[i] - predicted[i];
            sum += error * error;
        }
        return Math.sqrt(sum / actual.length);
    }
}
