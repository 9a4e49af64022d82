package io.autogate.engine.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.engine.metrics.PrimaryMetric;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CaruanaEnsembleTest {
    @Test
    void averagingTwoIndependentErrorsBeatsEither() {
        SplittableRandom rng = new SplittableRandom(3);
        int n = 500;
        double[] y = new double[n];
        double[][] a = new double[n][1];
        double[][] b = new double[n][1];
        double[][] bad = new double[n][1];
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextDouble() * 10;
            a[i][0] = y[i] + (rng.nextDouble() - 0.5) * 2;
            b[i][0] = y[i] + (rng.nextDouble() - 0.5) * 2;
            bad[i][0] = 5;
        }
        CaruanaEnsemble.Selection s = CaruanaEnsemble.select(List.of(a, b, bad), y, PrimaryMetric.RMSE, 20);
        double single = Math.min(PrimaryMetric.RMSE.value(y, a), PrimaryMetric.RMSE.value(y, b));
        assertTrue(s.loss() < single * 0.8, "ensemble " + s.loss() + " vs single " + single);
        assertTrue(s.weights().containsKey(0) && s.weights().containsKey(1));
        assertTrue(!s.weights().containsKey(2), "the useless candidate gets no weight");
        assertEquals(1.0, s.weights().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-12);
    }

    @Test
    void aDominantCandidateIsChosenAlone() {
        double[] y = {0, 1, 0, 1};
        double[][] perfect = {{0.9, 0.1}, {0.1, 0.9}, {0.8, 0.2}, {0.2, 0.8}};
        double[][] wrong = {{0.1, 0.9}, {0.9, 0.1}, {0.2, 0.8}, {0.8, 0.2}};
        CaruanaEnsemble.Selection s = CaruanaEnsemble.select(List.of(wrong, perfect), y, PrimaryMetric.AUC, 10);
        assertEquals(java.util.Map.of(1, 1.0), s.weights());
        assertEquals(-1.0, s.loss(), 1e-12);
    }
}
