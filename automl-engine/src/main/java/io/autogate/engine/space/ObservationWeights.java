package io.autogate.engine.space;

/** Optuna's default TPE weights: flat for the newest 25 observations, a linear ramp for older ones. */
final class ObservationWeights {
    private static final int FLAT = 25;

    private ObservationWeights() {
    }

    /** Weights for {@code n} observations, oldest first. */
    static double[] of(int n) {
        double[] weights = new double[n];
        int ramp = Math.max(0, n - FLAT);
        for (int i = 0; i < n; i++) {
            if (i < ramp) {
                // numpy.linspace(1 / n, 1, ramp)
                weights[i] = ramp == 1 ? 1.0 / n : 1.0 / n + (1 - 1.0 / n) * i / (ramp - 1);
            } else {
                weights[i] = 1;
            }
        }
        return weights;
    }
}
