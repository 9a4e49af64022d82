package io.autogate.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TestMetricsTest {

    @Test
    void aucIsOneForAPerfectRankingAndZeroForAReversedOne() {
        boolean[] positive = {false, false, true, true};
        assertEquals(1.0, TestMetrics.auc(positive, new double[] {0.1, 0.2, 0.8, 0.9}), 1e-12);
        assertEquals(0.0, TestMetrics.auc(positive, new double[] {0.9, 0.8, 0.2, 0.1}), 1e-12);
    }

    @Test
    void aucCountsEachPositiveNegativePairOnce() {
        // pairs (p,n): (0.35 > 0.1) (0.35 < 0.4) (0.8 > 0.1) (0.8 > 0.4) -> 3 of 4
        boolean[] positive = {false, true, false, true};
        assertEquals(0.75, TestMetrics.auc(positive, new double[] {0.1, 0.35, 0.4, 0.8}), 1e-12);
    }

    @Test
    void aucCountsATiedPairAsOneHalf() {
        // pairs: (0.5 = 0.5) -> 1/2, (0.5 > 0.2) -> 1, (0.9 > 0.5) -> 1, (0.9 > 0.2) -> 1  => 3.5 / 4
        boolean[] positive = {true, false, true, false};
        assertEquals(0.875, TestMetrics.auc(positive, new double[] {0.5, 0.5, 0.9, 0.2}), 1e-12);
        // all scores tied: no information
        assertEquals(0.5, TestMetrics.auc(new boolean[] {true, false, false, true, false},
                new double[] {0.3, 0.3, 0.3, 0.3, 0.3}), 1e-12);
    }

    @Test
    void aucMatchesABruteForcePairCount() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        int n = 300;
        boolean[] positive = new boolean[n];
        double[] score = new double[n];
        for (int i = 0; i < n; i++) {
            positive[i] = random.nextInt(3) == 0;
            score[i] = random.nextInt(20) / 20.0; // many ties
        }
        double pairs = 0;
        double wins = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (positive[i] && !positive[j]) {
                    pairs++;
                    wins += score[i] > score[j] ? 1 : score[i] == score[j] ? 0.5 : 0;
                }
            }
        }
        assertEquals(wins / pairs, TestMetrics.auc(positive, score), 1e-12);
    }

    @Test
    void aucNeedsBothClassesAndFiniteScores() {
        assertThrows(IllegalArgumentException.class,
                () -> TestMetrics.auc(new boolean[] {true, true}, new double[] {0.1, 0.2}));
        assertThrows(IllegalArgumentException.class,
                () -> TestMetrics.auc(new boolean[] {true, false}, new double[] {Double.NaN, 0.2}));
        assertThrows(IllegalArgumentException.class,
                () -> TestMetrics.auc(new boolean[] {true, false}, new double[] {0.1}));
    }

    @Test
    void accuracyComparesLabelsAsTextOrAsNumbers() {
        assertEquals(0.75, TestMetrics.accuracy(List.of("a", "b", "c", "a"), List.of("a", "b", "c", "b")), 1e-12);
        assertEquals(1.0, TestMetrics.accuracy(List.of("1", "2", "3"), List.of("1.0", "2", "3.00")), 1e-12);
        assertEquals(0.0, TestMetrics.accuracy(List.of("1"), List.of("10")), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> TestMetrics.accuracy(List.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> TestMetrics.accuracy(List.of("a"), List.of("a", "b")));
    }

    @Test
    void rmseIsTheRootOfTheMeanSquaredError() {
        assertEquals(0.0, TestMetrics.rmse(new double[] {1, 2}, new double[] {1, 2}), 1e-12);
        // errors 3 and 4 -> sqrt((9 + 16) / 2)
        assertEquals(Math.sqrt(12.5), TestMetrics.rmse(new double[] {0, 0}, new double[] {3, -4}), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> TestMetrics.rmse(new double[] {}, new double[] {}));
        assertThrows(IllegalArgumentException.class, () -> TestMetrics.rmse(new double[] {1}, new double[] {1, 2}));
    }

    @Test
    void relativeAdvantageIsPositiveWhenOursIsBetter() {
        assertEquals(1.0, TestMetric.AUC.relativeAdvantagePercent(0.909, 0.9), 1e-9);
        assertEquals(-1.0, TestMetric.AUC.relativeAdvantagePercent(0.891, 0.9), 1e-9);
        assertEquals(10.0, TestMetric.RMSE.relativeAdvantagePercent(90, 100), 1e-9);
        assertEquals(-10.0, TestMetric.RMSE.relativeAdvantagePercent(110, 100), 1e-9);
    }
}
