package io.autogate.engine.family.smile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.engine.family.ModelFamily;
import io.autogate.engine.family.TrainingSet;
import io.autogate.runtime.schema.TaskType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RandomForestFamilyTest extends SmileFamilyContractTest {

    @Override
    ModelFamily family() {
        return new RandomForestFamily();
    }

    @Override
    Map<String, Object> overrides() {
        return Map.of("ntrees", 40);
    }

    @Test
    void nameAndTasks() {
        assertEquals("random_forest", family().name());
        assertTrue(family().supports(TaskType.BINARY) && family().supports(TaskType.MULTICLASS)
                && family().supports(TaskType.REGRESSION));
        assertFalse(family().needsScaling());
    }

    @Test
    void differentSeedsGrowDifferentForests() {
        FamilyTestData.TrainTest data = FamilyTestData.regression(false);
        TrainingSet train = FamilyTestData.head(data.train(), 300);
        double[][] a = family().fit(train, params(TaskType.REGRESSION), 1L).score(data.testX());
        double[][] b = family().fit(train, params(TaskType.REGRESSION), 2L).score(data.testX());
        assertFalse(Arrays.deepEquals(a, b));
    }

    @Test
    void fractionOfFeaturesAndEntropySplitsAreAccepted() {
        FamilyTestData.TrainTest data = FamilyTestData.multiclass(false);
        Map<String, Object> params = new HashMap<>(params(TaskType.MULTICLASS));
        params.put("max_features_rule", "fraction");
        params.put("max_features", 0.3);
        params.put("split_rule", "entropy");
        double[][] scores = family().fit(data.train(), params, 1L).score(data.testX());
        int correct = 0;
        for (int i = 0; i < scores.length; i++) {
            correct += argMax(scores[i]) == (int) data.testY()[i] ? 1 : 0;
        }
        assertTrue(correct > 0.8 * scores.length, "accuracy " + correct + "/" + scores.length);
    }

    @Test
    void badParametersAreNamed() {
        TrainingSet train = FamilyTestData.head(FamilyTestData.binary(false).train(), 50);
        Map<String, Object> missing = new HashMap<>(params(TaskType.BINARY));
        missing.remove("ntrees");
        assertMessageNames("ntrees", () -> family().fit(train, missing, 1L));
        assertMessageNames("ntrees", () -> family().fit(train, paramsWith(TaskType.BINARY, "ntrees", "many"), 1L));
        assertMessageNames("ntrees", () -> family().fit(train, paramsWith(TaskType.BINARY, "ntrees", 2.5), 1L));
        assertMessageNames("split_rule",
                () -> family().fit(train, paramsWith(TaskType.BINARY, "split_rule", "variance"), 1L));
        assertMessageNames("subsample", () -> family().fit(train, paramsWith(TaskType.BINARY, "subsample", 0.0), 1L));
        assertMessageNames("max_features", () -> family().fit(train,
                Map.of("ntrees", 5, "max_features_rule", "fraction", "max_features", 1.5, "max_depth", 5,
                        "max_nodes", 8, "node_size", 2, "subsample", 1.0, "split_rule", "gini"), 1L));
        assertMessageNames("colsample", () -> family().fit(train, paramsWith(TaskType.BINARY, "colsample", 0.5), 1L));
    }

    @Test
    void aSingleClassIsRejected() {
        TrainingSet train = FamilyTestData.head(FamilyTestData.binary(false).train(), 40);
        double[] y = new double[train.size()];
        TrainingSet oneClass = new TrainingSet(train.x(), y, train.featureNames(), TaskType.BINARY, 2);
        assertMessageNames("single class", () -> family().fit(oneClass, params(TaskType.BINARY), 1L));
    }

    static void assertMessageNames(String name, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(name), e.getMessage());
    }
}
