package io.autogate.engine.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ParzenEstimatorTest {
    @Test
    void numericDensityIntegratesToOneOverTheInterval() {
        NumericParzenEstimator estimator = new NumericParzenEstimator(new double[] {-2.0, -1.9, 0.4, 1.0}, -2, 1, 1.0);
        int steps = 30000;
        double width = 3.0 / steps;
        double integral = 0;
        for (int i = 0; i < steps; i++) {
            integral += Math.exp(estimator.logDensity(-2 + (i + 0.5) * width)) * width;
        }
        assertEquals(1.0, integral, 1e-3);
    }

    @Test
    void numericSamplesStayInsideAndConcentrateNearObservations() {
        double[] observations = new double[20];
        for (int i = 0; i < observations.length; i++) {
            observations[i] = 0.19 + 0.001 * i;
        }
        NumericParzenEstimator estimator = new NumericParzenEstimator(observations, 0, 10, 1.0);
        SplittableRandom rng = new SplittableRandom(1);
        int near = 0;
        for (int i = 0; i < 4000; i++) {
            double x = estimator.sample(rng);
            assertTrue(x >= 0 && x <= 10);
            near += Math.abs(x - 0.2) < 1 ? 1 : 0;
        }
        // 20 of 21 mixture weights sit at 0.2 with the minimum bandwidth 10 / 22, truncated at 0:
        // each puts about 94% of its mass within 1 of 0.2
        assertTrue(near > 0.85 * 4000, "near 0.2: " + near);
        assertTrue(estimator.logDensity(0.2) > estimator.logDensity(8));
    }

    @Test
    void priorOnlyEstimatorIsNearlyFlat() {
        NumericParzenEstimator prior = new NumericParzenEstimator(new double[0], 0, 1, 1.0);
        assertTrue(Math.abs(prior.logDensity(0.5) - prior.logDensity(0.0)) < 0.2);
    }

    @Test
    void categoricalProbabilitiesSmoothCounts() {
        CategoricalParzenEstimator estimator = new CategoricalParzenEstimator(new int[] {1, 1, 1, 0}, 3, 1.0);
        double total = 0;
        for (int c = 0; c < 3; c++) {
            total += Math.exp(estimator.logProbability(c));
        }
        assertEquals(1.0, total, 1e-12);
        assertTrue(estimator.logProbability(1) > estimator.logProbability(0));
        assertTrue(estimator.logProbability(0) > estimator.logProbability(2));
        assertTrue(Double.isFinite(estimator.logProbability(2)), "an unseen choice keeps prior mass");
        CategoricalParzenEstimator prior = new CategoricalParzenEstimator(new int[0], 4, 1.0);
        assertEquals(Math.log(0.25), prior.logProbability(3), 1e-12);
    }

    @Test
    void normalCdfMatchesKnownValues() {
        assertEquals(0.5, NormalDistribution.cdf(0), 1e-7);
        assertEquals(0.8413447, NormalDistribution.cdf(1), 1e-6);
        assertEquals(0.0227501, NormalDistribution.cdf(-2), 1e-6);
    }
}
