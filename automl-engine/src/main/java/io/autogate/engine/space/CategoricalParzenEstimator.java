package io.autogate.engine.space;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A Parzen estimator over choices: smoothed, weighted counts. Each observation is a kernel that
 * puts its weight on the observed choice plus {@code priorWeight / kernels} on every choice, and a
 * prior kernel is uniform (Optuna's categorical estimator).
 */
final class CategoricalParzenEstimator {
    private final double[] probabilities;

    /**
     * @param observedIndices observed choice positions, oldest first
     * @param choiceCount the number of choices
     * @param priorWeight weight of the prior relative to an observation's
     */
    CategoricalParzenEstimator(int[] observedIndices, int choiceCount, double priorWeight) {
        int n = observedIndices.length;
        double[] mixture = Arrays.copyOf(ObservationWeights.of(n), n + 1);
        mixture[n] = priorWeight;
        double total = Arrays.stream(mixture).sum();
        double smoothing = priorWeight / (n + 1);
        probabilities = new double[choiceCount];
        for (int i = 0; i < n; i++) {
            double kernelTotal = 1 + choiceCount * smoothing;
            for (int c = 0; c < choiceCount; c++) {
                double mass = (smoothing + (observedIndices[i] == c ? 1 : 0)) / kernelTotal;
                probabilities[c] += mixture[i] / total * mass;
            }
        }
        for (int c = 0; c < choiceCount; c++) {
            probabilities[c] += mixture[n] / total / choiceCount;
        }
    }

    /** Draws a choice position. */
    int sample(SplittableRandom rng) {
        double u = rng.nextDouble();
        double cumulative = 0;
        for (int c = 0; c < probabilities.length - 1; c++) {
            cumulative += probabilities[c];
            if (u < cumulative) {
                return c;
            }
        }
        return probabilities.length - 1;
    }

    /** Log probability of a choice position. */
    double logProbability(int index) {
        return Math.log(probabilities[index]);
    }
}
