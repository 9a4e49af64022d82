package io.autogate.engine.metrics;

import io.autogate.runtime.schema.TaskType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Scores of predictions against the truth. Classification predictions are probability rows in
 * class-index order and {@code y} holds class indices; regression predictions are one-value rows.
 * Binary: {@code auc}, {@code logloss}, {@code accuracy}; multiclass: {@code logloss},
 * {@code accuracy}, {@code macro_f1}; regression: {@code rmse}, {@code mae}, {@code r2}.
 */
public final class Metrics {
    private static final double EPS = 1e-15;

    private Metrics() {
    }

    /** Every metric of the task, in a stable order. */
    public static Map<String, Double> all(TaskType task, double[] y, double[][] predictions) {
        Map<String, Double> m = new LinkedHashMap<>();
        switch (task) {
            case BINARY -> {
                m.put("auc", auc(y, predictions));
                m.put("logloss", logLoss(y, predictions));
                m.put("accuracy", accuracy(y, predictions));
            }
            case MULTICLASS -> {
                m.put("logloss", logLoss(y, predictions));
                m.put("accuracy", accuracy(y, predictions));
                m.put("macro_f1", macroF1(y, predictions));
            }
            case REGRESSION -> {
                m.put("rmse", rmse(y, predictions));
                m.put("mae", mae(y, predictions));
                m.put("r2", r2(y, predictions));
            }
        }
        return m;
    }

    /** Area under the ROC curve of the probability of class 1; ties get half credit. */
    public static double auc(double[] y, double[][] p) {
        int n = y.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(p[a][1], p[b][1]));
        double rankSumPositive = 0;
        long positives = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && p[order[j + 1]][1] == p[order[i]][1]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (y[order[k]] == 1) {
                    rankSumPositive += averageRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return 0.5;
        }
        return (rankSumPositive - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /** Mean negative log-likelihood of the true class, probabilities clipped to [1e-15, 1]. */
    public static double logLoss(double[] y, double[][] p) {
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            double[] row = p[i];
            double total = 0;
            for (double v : row) {
                total += v;
            }
            double q = total > 0 ? row[(int) y[i]] / total : 1.0 / row.length;
            sum -= Math.log(Math.max(EPS, Math.min(1, q)));
        }
        return sum / y.length;
    }

    /** Share of rows whose most probable class is the true one. */
    public static double accuracy(double[] y, double[][] p) {
        long hits = 0;
        for (int i = 0; i < y.length; i++) {
            if (argMax(p[i]) == (int) y[i]) {
                hits++;
            }
        }
        return (double) hits / y.length;
    }

    /** Unweighted mean over classes of F1. */
    public static double macroF1(double[] y, double[][] p) {
        int k = p.length == 0 ? 0 : p[0].length;
        long[] tp = new long[k];
        long[] fp = new long[k];
        long[] fn = new long[k];
        for (int i = 0; i < y.length; i++) {
            int predicted = argMax(p[i]);
            int actual = (int) y[i];
            if (predicted == actual) {
                tp[actual]++;
            } else {
                fp[predicted]++;
                fn[actual]++;
            }
        }
        double sum = 0;
        int counted = 0;
        for (int c = 0; c < k; c++) {
            if (tp[c] + fn[c] == 0) {
                continue;
            }
            double denom = 2.0 * tp[c] + fp[c] + fn[c];
            sum += denom == 0 ? 0 : 2.0 * tp[c] / denom;
            counted++;
        }
        return counted == 0 ? 0 : sum / counted;
    }

    /** Root mean squared error. */
    public static double rmse(double[] y, double[][] p) {
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            double d = p[i][0] - y[i];
            sum += d * d;
        }
        return Math.sqrt(sum / y.length);
    }

    /** Mean absolute error. */
    public static double mae(double[] y, double[][] p) {
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            sum += Math.abs(p[i][0] - y[i]);
        }
        return sum / y.length;
    }

    /** Coefficient of determination. */
    public static double r2(double[] y, double[][] p) {
        double mean = Arrays.stream(y).average().orElse(0);
        double ssTot = 0;
        double ssRes = 0;
        for (int i = 0; i < y.length; i++) {
            ssTot += (y[i] - mean) * (y[i] - mean);
            ssRes += (y[i] - p[i][0]) * (y[i] - p[i][0]);
        }
        return ssTot == 0 ? 0 : 1 - ssRes / ssTot;
    }

    /** Index of the largest value; the first on ties. */
    public static int argMax(double[] row) {
        int best = 0;
        for (int c = 1; c < row.length; c++) {
            if (row[c] > row[best]) {
                best = c;
            }
        }
        return best;
    }
}
