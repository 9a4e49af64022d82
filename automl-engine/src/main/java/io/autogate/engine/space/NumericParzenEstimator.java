package io.autogate.engine.space;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A Parzen estimator on an interval: a mixture of Gaussians truncated to {@code [low, high]}, one
 * per observation plus a broad prior component, with Optuna's univariate bandwidths (distance to
 * the farther neighbour, clipped to {@code [range / min(100, 1 + kernels), range]}). Works in
 * whatever scale the caller chose (log-transformed for log dimensions).
 */
final class NumericParzenEstimator {
    private static final int MAX_REJECTIONS = 1000;

    private final double low;
    private final double high;
    private final double[] mus;
    private final double[] sigmas;
    private final double[] weights;
    private final double[] logNormalizers;

    /**
     * @param observations observed values in the estimator's scale, oldest first, within the interval
     * @param priorWeight weight of the prior component relative to an observation's
     */
    NumericParzenEstimator(double[] observations, double low, double high, double priorWeight) {
        this.low = low;
        this.high = high;
        int n = observations.length;
        double range = high - low;
        mus = Arrays.copyOf(observations, n + 1);
        mus[n] = 0.5 * (low + high);
        sigmas = new double[n + 1];
        double[] observed = bandwidths(observations, low, high);
        double minSigma = range / Math.min(100.0, 1.0 + (n + 1));
        for (int i = 0; i < n; i++) {
            sigmas[i] = Math.min(range, Math.max(minSigma, observed[i]));
        }
        sigmas[n] = range;
        double[] raw = Arrays.copyOf(ObservationWeights.of(n), n + 1);
        raw[n] = priorWeight;
        double total = Arrays.stream(raw).sum();
        weights = new double[n + 1];
        logNormalizers = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            weights[i] = raw[i] / total;
            double mass = NormalDistribution.cdf((high - mus[i]) / sigmas[i]) - NormalDistribution.cdf((low - mus[i]) / sigmas[i]);
            logNormalizers[i] = Math.log(Math.max(mass, 1e-12));
        }
    }

    private static double[] bandwidths(double[] observations, double low, double high) {
        int n = observations.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(observations[a], observations[b]));
        double[] padded = new double[n + 2];
        padded[0] = low;
        padded[n + 1] = high;
        for (int i = 0; i < n; i++) {
            padded[i + 1] = observations[order[i]];
        }
        double[] sorted = new double[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = Math.max(padded[i + 1] - padded[i], padded[i + 2] - padded[i + 1]);
        }
        if (n >= 2) {
            // the interval ends are not neighbours (Optuna's consider_endpoints=False)
            sorted[0] = padded[2] - padded[1];
            sorted[n - 1] = padded[n] - padded[n - 1];
        }
        double[] sigmas = new double[n];
        for (int i = 0; i < n; i++) {
            sigmas[order[i]] = sorted[i];
        }
        return sigmas;
    }

    /** Draws a point: picks a component by weight, then a truncated-normal draw from it. */
    double sample(SplittableRandom rng) {
        double u = rng.nextDouble();
        int k = 0;
        double cumulative = weights[0];
        while (u >= cumulative && k < weights.length - 1) {
            k++;
            cumulative += weights[k];
        }
        for (int attempt = 0; attempt < MAX_REJECTIONS; attempt++) {
            double x = mus[k] + sigmas[k] * rng.nextGaussian();
            if (x >= low && x <= high) {
                return x;
            }
        }
        return Math.min(high, Math.max(low, mus[k]));
    }

    /** Log of the mixture density at {@code x}. */
    double logDensity(double x) {
        double max = Double.NEGATIVE_INFINITY;
        double[] terms = new double[mus.length];
        for (int i = 0; i < mus.length; i++) {
            terms[i] = Math.log(weights[i]) + NormalDistribution.logDensity((x - mus[i]) / sigmas[i])
                    - Math.log(sigmas[i]) - logNormalizers[i];
            max = Math.max(max, terms[i]);
        }
        double sum = 0;
        for (double term : terms) {
            sum += Math.exp(term - max);
        }
        return max + Math.log(sum);
    }
}
