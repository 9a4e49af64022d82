package io.autogate.engine.family.tribuo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.engine.family.TrainingSet;
import io.autogate.runtime.model.NumericModel;
import io.autogate.runtime.model.tribuo.TribuoModel;
import io.autogate.runtime.schema.TaskType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Parameter handling, k-NN subsampling, seeds and concurrent fits of the Tribuo families. */
class FamilyParametersTest {

    private static Map<String, Object> defaults(String family, TaskType task) {
        return new HashMap<>(SearchSpaceYaml.load(family).params(task, null));
    }

    @Test
    void unknownParameterIsRejectedByName() {
        Map<String, Object> params = defaults("xgboost", TaskType.BINARY);
        params.put("learning_rate", 0.1);
        TrainingSet train = HeldOutData.load(TaskType.BINARY, false).trainHead(50);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new XGBoostFamily().fit(train, params, 1L));
        assertTrue(e.getMessage().contains("learning_rate"), e.getMessage());
    }

    @Test
    void mistypedOrOutOfRangeParameterIsRejectedByName() {
        TrainingSet train = HeldOutData.load(TaskType.BINARY, true).trainHead(50);
        Map<String, Object> text = defaults("linear", TaskType.BINARY);
        text.put("C", "large");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LinearFamily().fit(train, text, 1L))
                .getMessage().contains("'C'"));
        Map<String, Object> fractional = defaults("knn", TaskType.BINARY);
        fractional.put("k", 2.5);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new KnnFamily().fit(train, fractional, 1L))
                .getMessage().contains("'k'"));
        Map<String, Object> choice = defaults("decision_tree", TaskType.BINARY);
        choice.put("criterion", "misclassification");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new DecisionTreeFamily().fit(train, choice, 1L))
                .getMessage().contains("'criterion'"));
        Map<String, Object> missing = defaults("extra_trees", TaskType.BINARY);
        missing.remove("n_trees");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ExtraTreesFamily().fit(train, missing, 1L))
                .getMessage().contains("'n_trees'"));
    }

    @Test
    void numbersOfAnyBoxedTypeAreAccepted() {
        TrainingSet train = HeldOutData.load(TaskType.REGRESSION, false).trainHead(100);
        Map<String, Object> params = defaults("xgboost", TaskType.REGRESSION);
        params.put("n_estimators", 20L);
        params.put("max_depth", 4.0);
        params.put("eta", 0.3f);
        params.put("grow_policy", "lossguide");
        params.put("max_leaves", (short) 8);
        NumericModel model = new XGBoostFamily().fit(train, params, 3L);
        assertEquals(1, model.score(new double[][] {train.x()[0]})[0].length);
    }

    @Test
    void knnKeepsAtMostMaxReferenceRowsChosenBySeed() {
        TrainingSet train = HeldOutData.load(TaskType.BINARY, true).train();
        Map<String, Object> params = defaults("knn", TaskType.BINARY);
        params.put("max_reference_rows", 60);
        TribuoModel model = (TribuoModel) new KnnFamily().fit(train, params, 11L);
        assertEquals(60, model.tribuoModel().getProvenance().getDatasetProvenance().getNumExamples());

        TrainingSet a = KnnFamily.subsample(train, 60, 5L);
        TrainingSet b = KnnFamily.subsample(train, 60, 5L);
        TrainingSet c = KnnFamily.subsample(train, 60, 6L);
        assertArrayEquals(a.y(), b.y());
        assertArrayEquals(a.x(), b.x());
        assertFalse(java.util.Arrays.deepEquals(a.x(), c.x()));
        assertTrue(KnnFamily.subsample(train, train.size(), 5L) == train);
    }

    @Test
    void differentSeedsGiveDifferentRandomisedModels() {
        HeldOutData data = HeldOutData.load(TaskType.REGRESSION, false);
        Map<String, Object> params = defaults("extra_trees", TaskType.REGRESSION);
        params.put("n_trees", 10);
        double[][] one = new ExtraTreesFamily().fit(data.trainHead(200), params, 1L).score(data.testX());
        double[][] two = new ExtraTreesFamily().fit(data.trainHead(200), params, 2L).score(data.testX());
        assertNotEquals(java.util.Arrays.deepToString(one), java.util.Arrays.deepToString(two));
    }

    @Test
    void concurrentFitsAndScoresMatchSequentialOnes() throws Exception {
        HeldOutData data = HeldOutData.load(TaskType.MULTICLASS, true);
        List<Map.Entry<io.autogate.engine.family.ModelFamily, Map<String, Object>>> jobs = List.of(
                Map.entry(new XGBoostFamily(), defaults("xgboost", TaskType.MULTICLASS)),
                Map.entry(new ExtraTreesFamily(), defaults("extra_trees", TaskType.MULTICLASS)),
                Map.entry(new KnnFamily(), defaults("knn", TaskType.MULTICLASS)),
                Map.entry(new LinearFamily(), defaults("linear", TaskType.MULTICLASS)));
        List<double[][]> sequential = new ArrayList<>();
        for (var job : jobs) {
            sequential.add(job.getKey().fit(data.train(), job.getValue(), 9L).score(data.testX()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[][]>> futures = new ArrayList<>();
            for (var job : jobs) {
                futures.add(pool.submit(() -> job.getKey().fit(data.train(), job.getValue(), 9L).score(data.testX())));
            }
            for (int i = 0; i < jobs.size(); i++) {
                assertArrayEquals(sequential.get(i), futures.get(i).get(), jobs.get(i).getKey().name());
            }
            NumericModel shared = jobs.get(0).getKey().fit(data.train(), jobs.get(0).getValue(), 9L);
            List<Future<double[][]>> scores = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                scores.add(pool.submit(() -> shared.score(data.testX())));
            }
            for (Future<double[][]> f : scores) {
                assertArrayEquals(sequential.get(0), f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aTrainingSetWithOneClassPresentStillGivesProbabilities() {
        HeldOutData data = HeldOutData.load(TaskType.MULTICLASS, true);
        TrainingSet train = data.train();
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < train.size(); i++) {
            if (train.y()[i] == 2) {
                rows.add(train.x()[i]);
            }
        }
        TrainingSet onlyTwo = new TrainingSet(rows.toArray(double[][]::new), new double[rows.size()], train.featureNames(),
                TaskType.MULTICLASS, 3);
        java.util.Arrays.fill(onlyTwo.y(), 2.0);
        for (io.autogate.engine.family.ModelFamily family : TribuoFamiliesTest.families()) {
            double[][] p = family.fit(onlyTwo, defaults(family.name(), TaskType.MULTICLASS), 1L).score(data.testX());
            for (double[] row : p) {
                assertArrayEquals(new double[] {0, 0, 1}, row, 1e-9, family.name());
            }
        }
    }

    @Test
    void logisticRegressionGivesGradedProbabilitiesWithEitherPenalty() {
        HeldOutData data = HeldOutData.load(TaskType.BINARY, true);
        for (String penalty : List.of("l2", "l1")) {
            Map<String, Object> params = defaults("linear", TaskType.BINARY);
            params.put("penalty", penalty);
            TribuoModel model = (TribuoModel) new LinearFamily().fit(data.train(), params, 1L);
            assertTrue(model.tribuoModel().generatesProbabilities(), penalty);
            long graded = java.util.Arrays.stream(model.score(data.testX()))
                    .filter(row -> row[0] > 0.01 && row[0] < 0.99).count();
            assertTrue(graded > 0, penalty + ": every probability is 0 or 1");
        }
    }

    @Test
    void classIndicesOutsideTheTaskAreRejected() {
        TrainingSet bad = new TrainingSet(new double[][] {{1}, {2}, {3}}, new double[] {0, 1, 2}, List.of("x"),
                TaskType.BINARY, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DecisionTreeFamily().fit(bad, defaults("decision_tree", TaskType.BINARY), 1L));
        assertTrue(e.getMessage().contains("row 2"), e.getMessage());
    }
}
