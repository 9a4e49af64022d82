package io.autogate.engine.family.smile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.engine.family.ModelFamily;
import io.autogate.engine.family.TrainingSet;
import io.autogate.runtime.model.ModelContext;
import io.autogate.runtime.model.NumericModel;
import io.autogate.runtime.model.smile.SmileNumericModel;
import io.autogate.runtime.model.smile.SmileSerializedFormat;
import io.autogate.runtime.schema.TaskType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every Smile family must do on real data, for each task it supports: beat a trivial
 * baseline on a held-out part, give probability rows that sum to 1, reproduce its predictions
 * from the same seed (also when fitted concurrently) and survive a write and read through
 * {@link SmileSerializedFormat} unchanged. Subclasses name the family and the parameters that
 * keep the fits small.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SmileFamilyContractTest {

    @TempDir
    Path folder;

    /** The family under test. */
    abstract ModelFamily family();

    /** Parameter values that override the search-space defaults in these tests. */
    Map<String, Object> overrides() {
        return Map.of();
    }

    /** The full parameter map for a task: search-space defaults with {@link #overrides()}. */
    final Map<String, Object> params(TaskType task) {
        return SearchSpaceFile.read(family().name()).params(task, overrides());
    }

    /** The tasks the family supports. */
    final Stream<TaskType> supportedTasks() {
        return Stream.of(TaskType.values()).filter(family()::supports);
    }

    /** The classification tasks the family supports. */
    final Stream<TaskType> supportedClassificationTasks() {
        return supportedTasks().filter(TaskType::isClassification);
    }

    final FamilyTestData.TrainTest data(TaskType task) {
        return FamilyTestData.forTask(task, family().needsScaling());
    }

    @ParameterizedTest
    @MethodSource("supportedTasks")
    void beatsATrivialBaselineOnHeldOutData(TaskType task) {
        FamilyTestData.TrainTest data = data(task);
        NumericModel model = family().fit(data.train(), params(task), 7L);
        double[][] scores = model.score(data.testX());
        assertEquals(data.testX().length, scores.length);
        if (task.isClassification()) {
            int k = data.train().numClasses();
            int[] counts = new int[k];
            for (double y : data.train().y()) {
                counts[(int) y]++;
            }
            int majority = 0;
            for (int c = 1; c < k; c++) {
                majority = counts[c] > counts[majority] ? c : majority;
            }
            int correct = 0;
            int majorityCorrect = 0;
            for (int i = 0; i < scores.length; i++) {
                assertEquals(k, scores[i].length);
                correct += argMax(scores[i]) == (int) data.testY()[i] ? 1 : 0;
                majorityCorrect += majority == (int) data.testY()[i] ? 1 : 0;
            }
            double accuracy = correct / (double) scores.length;
            double baseline = majorityCorrect / (double) scores.length;
            assertTrue(accuracy > baseline + 0.1, family().name() + " " + task + ": accuracy " + accuracy
                    + " vs majority-class " + baseline);
        } else {
            double mean = Arrays.stream(data.train().y()).average().orElseThrow();
            double se = 0;
            double baseSe = 0;
            for (int i = 0; i < scores.length; i++) {
                assertEquals(1, scores[i].length);
                se += Math.pow(scores[i][0] - data.testY()[i], 2);
                baseSe += Math.pow(mean - data.testY()[i], 2);
            }
            double rmse = Math.sqrt(se / scores.length);
            double baseline = Math.sqrt(baseSe / scores.length);
            assertTrue(rmse < 0.8 * baseline, family().name() + ": RMSE " + rmse + " vs predicting the mean " + baseline);
        }
    }

    @ParameterizedTest
    @MethodSource("supportedClassificationTasks")
    void probabilityRowsSumToOne(TaskType task) {
        FamilyTestData.TrainTest data = data(task);
        double[][] scores = family().fit(data.train(), params(task), 3L).score(data.testX());
        for (double[] row : scores) {
            double sum = 0;
            for (double v : row) {
                assertTrue(v >= 0 && v <= 1, "probability " + v);
                sum += v;
            }
            assertEquals(1.0, sum, 1e-9);
        }
    }

    @Test
    void aClassMissingFromTrainingScoresZero() {
        TaskType task = TaskType.MULTICLASS;
        FamilyTestData.TrainTest data = data(task);
        TrainingSet train = data.train();
        int k = train.numClasses() + 1;
        TrainingSet wider = new TrainingSet(train.x(), train.y(), train.featureNames(), task, k);
        double[][] scores = family().fit(wider, params(task), 5L).score(data.testX());
        for (double[] row : scores) {
            assertEquals(k, row.length);
            assertTrue(row[k - 1] < 0.05, "unseen class got " + row[k - 1]);
            assertEquals(1.0, Arrays.stream(row).sum(), 1e-9);
        }
    }

    @ParameterizedTest
    @MethodSource("supportedTasks")
    void sameSeedGivesIdenticalPredictionsEvenWhenFittedConcurrently(TaskType task) throws Exception {
        FamilyTestData.TrainTest data = data(task);
        TrainingSet train = FamilyTestData.head(data.train(), 400);
        Map<String, Object> params = params(task);
        double[][] first = family().fit(train, params, 11L).score(data.testX());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<double[][]> a = pool.submit(() -> family().fit(train, params, 11L).score(data.testX()));
            Future<double[][]> b = pool.submit(() -> family().fit(train, params, 11L).score(data.testX()));
            assertDeepEquals(first, a.get());
            assertDeepEquals(first, b.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @MethodSource("supportedTasks")
    void writeAndReadGiveIdenticalScores(TaskType task) throws IOException {
        FamilyTestData.TrainTest data = data(task);
        TrainingSet train = FamilyTestData.head(data.train(), 400);
        NumericModel model = family().fit(train, params(task), 13L);
        assertInstanceOf(SmileNumericModel.class, model);
        SmileSerializedFormat format = new SmileSerializedFormat();
        assertEquals(format.id(), model.formatId());
        Path file = folder.resolve(family().name() + "-" + task.id() + ".bin");
        format.write(model, file);
        NumericModel read = format.read(file, new ModelContext(task, train.numClasses(), train.featureNames()));
        assertFalse(read == model);
        assertDeepEquals(model.score(data.testX()), read.score(data.testX()));
    }

    static void assertDeepEquals(double[][] expected, double[][] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], actual[i], 0.0, "row " + i);
        }
    }

    /** Like {@link #params(TaskType)} with one value replaced. */
    final Map<String, Object> paramsWith(TaskType task, String name, Object value) {
        Map<String, Object> params = new HashMap<>(params(task));
        params.put(name, value);
        return params;
    }

    static int argMax(double[] row) {
        int best = 0;
        for (int j = 1; j < row.length; j++) {
            best = row[j] > row[best] ? j : best;
        }
        return best;
    }
}
