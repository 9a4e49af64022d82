package io.autogate.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.autogate.runtime.schema.TaskType;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsTest {
    private static double[][] binary(double... p1) {
        double[][] out = new double[p1.length][];
        for (int i = 0; i < p1.length; i++) {
            out[i] = new double[] {1 - p1[i], p1[i]};
        }
        return out;
    }

    @Test
    void aucCountsPairsAndGivesTiesHalfCredit() {
        double[] y = {0, 0, 1, 1};
        assertEquals(1.0, Metrics.auc(y, binary(0.1, 0.2, 0.8, 0.9)), 1e-12);
        assertEquals(0.0, Metrics.auc(y, binary(0.9, 0.8, 0.2, 0.1)), 1e-12);
        assertEquals(0.5, Metrics.auc(y, binary(0.5, 0.5, 0.5, 0.5)), 1e-12);
        // one positive tied with one negative, the rest ordered: 3 of 4 pairs right + half of the tie
        assertEquals(0.875, Metrics.auc(y, binary(0.1, 0.6, 0.6, 0.9)), 1e-12);
    }

    @Test
    void logLossAccuracyAndF1() {
        double[] y = {0, 1, 2};
        double[][] p = {{0.8, 0.1, 0.1}, {0.2, 0.7, 0.1}, {0.5, 0.3, 0.2}};
        assertEquals(-(Math.log(0.8) + Math.log(0.7) + Math.log(0.2)) / 3, Metrics.logLoss(y, p), 1e-12);
        assertEquals(2.0 / 3, Metrics.accuracy(y, p), 1e-12);
        // class 0: tp1 fp1 fn0 -> 2/3; class 1: tp1 -> 1; class 2: fn1 -> 0
        assertEquals((2.0 / 3 + 1 + 0) / 3, Metrics.macroF1(y, p), 1e-12);
        assertEquals(-Math.log(1e-15), Metrics.logLoss(new double[] {0}, new double[][] {{0, 1}}), 1e-9);
    }

    @Test
    void regressionMetrics() {
        double[] y = {1, 2, 3, 4};
        double[][] p = {{1}, {2}, {3}, {6}};
        Map<String, Double> m = Metrics.all(TaskType.REGRESSION, y, p);
        assertEquals(1.0, m.get("rmse"), 1e-12);
        assertEquals(0.5, m.get("mae"), 1e-12);
        assertEquals(1 - 4 / 5.0, m.get("r2"), 1e-12);
    }

    @Test
    void primaryMetricLossIsLowerWhenBetter() {
        assertEquals(-0.9, PrimaryMetric.AUC.loss(0.9), 1e-12);
        assertEquals(0.3, PrimaryMetric.RMSE.loss(0.3), 1e-12);
        assertEquals(PrimaryMetric.LOGLOSS, PrimaryMetric.of(TaskType.MULTICLASS));
    }
}
