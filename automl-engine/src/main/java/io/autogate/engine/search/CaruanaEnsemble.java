package io.autogate.engine.search;

import io.autogate.engine.metrics.PrimaryMetric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Greedy ensemble selection with replacement (Caruana et al., ICML 2004): start empty, and at
 * each step add the candidate whose inclusion gives the best out-of-fold loss of the averaged
 * predictions; keep the best step. Weights are selection counts over the chosen step.
 * Deterministic: ties go to the earlier candidate.
 */
public final class CaruanaEnsemble {
    private CaruanaEnsemble() {
    }

    /** The selection: candidate index to weight (summing to 1) and the ensemble's loss. */
    public record Selection(Map<Integer, Double> weights, double loss) {
    }

    /**
     * Selects weights over candidates' out-of-fold predictions. {@code predictions.get(c)[i]} is
     * candidate c's prediction row for scored row i (the same rows, in the same order, for all).
     */
    public static Selection select(List<double[][]> predictions, double[] y, PrimaryMetric metric, int rounds) {
        int n = y.length;
        int width = predictions.get(0)[0].length;
        double[][] sum = new double[n][width];
        int[] counts = new int[predictions.size()];
        int[] bestCounts = null;
        double bestLoss = Double.POSITIVE_INFINITY;
        double[][] trial = new double[n][width];
        for (int step = 1; step <= rounds; step++) {
            int chosen = -1;
            double chosenLoss = Double.POSITIVE_INFINITY;
            for (int c = 0; c < predictions.size(); c++) {
                double[][] p = predictions.get(c);
                for (int i = 0; i < n; i++) {
                    for (int k = 0; k < width; k++) {
                        trial[i][k] = (sum[i][k] + p[i][k]) / step;
                    }
                }
                double loss = metric.loss(metric.value(y, trial));
                if (loss < chosenLoss) {
                    chosenLoss = loss;
                    chosen = c;
                }
            }
            double[][] p = predictions.get(chosen);
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < width; k++) {
                    sum[i][k] += p[i][k];
                }
            }
            counts[chosen]++;
            if (chosenLoss < bestLoss) {
                bestLoss = chosenLoss;
                bestCounts = counts.clone();
            }
        }
        int total = 0;
        for (int c : bestCounts) {
            total += c;
        }
        Map<Integer, Double> weights = new LinkedHashMap<>();
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < bestCounts.length; c++) {
            if (bestCounts[c] > 0) {
                order.add(c);
            }
        }
        for (int c : order) {
            weights.put(c, (double) bestCounts[c] / total);
        }
        return new Selection(weights, bestLoss);
    }
}
