package io.autogate.runtime.model.smile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import smile.classification.RandomForest;

class SmileModelsTest {

    @Test
    void aClassTheForestNeverSawScoresZeroAndRowsSumToOne() {
        SmileTupleClassifierModel forest = SmileTestModels.forest();
        double[][] x = SmileTestModels.features(40, 5);
        double[][] scores = forest.score(x);
        int[] truth = SmileTestModels.labels(x);
        int correct = 0;
        for (int i = 0; i < x.length; i++) {
            assertEquals(3, scores[i].length);
            assertEquals(0.0, scores[i][1]);
            assertEquals(1.0, scores[i][0] + scores[i][2], 1e-12);
            correct += (scores[i][2] > scores[i][0] ? 2 : 0) == truth[i] ? 1 : 0;
        }
        assertTrue(correct >= 32, correct + "/40");
    }

    @Test
    void scoresUndoTheTargetScaling() {
        SmileVectorRegressionModel mlp = SmileTestModels.mlp();
        double[] x = {0.3, -0.2, 1.0};
        assertEquals(10.0 + 3.0 * mlp.model().predict(x), mlp.score(new double[][] {x})[0][0], 1e-12);
    }

    @Test
    void rowsOfTheWrongLengthAreRejected() {
        for (SmileNumericModel model : List.of(SmileTestModels.forest(), SmileTestModels.boosting(),
                SmileTestModels.naiveBayes(), SmileTestModels.mlp())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> model.score(new double[][] {{1, 2, 3}, {1, 2}}));
            assertTrue(e.getMessage().contains("row 1"), e.getMessage());
            assertEquals(0, model.score(new double[0][]).length);
        }
    }

    @Test
    void wrappersCheckWhatTheyAreGiven() {
        SmileTupleClassifierModel forest = SmileTestModels.forest();
        RandomForest model = (RandomForest) forest.model();
        assertThrows(IllegalArgumentException.class,
                () -> new SmileTupleClassifierModel(model, forest.schema(), new int[] {0, 1, 2}, 3));
        assertThrows(IllegalArgumentException.class,
                () -> new SmileTupleClassifierModel(model, forest.schema(), new int[] {2, 0}, 3));
        assertThrows(IllegalArgumentException.class,
                () -> new SmileTupleClassifierModel(model, forest.schema(), new int[] {0, 3}, 3));
        assertThrows(IllegalArgumentException.class,
                () -> new SmileTupleClassifierModel(model, SmileFeatureSchema.features(2), new int[] {0, 2}, 3));
        assertThrows(IllegalArgumentException.class,
                () -> new SmileVectorRegressionModel(SmileTestModels.mlp().model(), 3, 0, 0));
        int[] indices = forest.classIndices();
        indices[0] = 1;
        assertArrayEquals(new int[] {0, 2}, forest.classIndices());
    }

    @Test
    void concurrentScoringMatchesSerialScoring() throws Exception {
        double[][] x = SmileTestModels.features(200, 8);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (SmileNumericModel model : List.of(SmileTestModels.forest(), SmileTestModels.boosting(),
                    SmileTestModels.naiveBayes(), SmileTestModels.mlp())) {
                double[][] expected = model.score(x);
                List<Future<double[][]>> results = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    results.add(pool.submit(() -> model.score(x)));
                }
                for (Future<double[][]> result : results) {
                    double[][] actual = result.get();
                    for (int i = 0; i < x.length; i++) {
                        assertArrayEquals(expected[i], actual[i], 0.0);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
