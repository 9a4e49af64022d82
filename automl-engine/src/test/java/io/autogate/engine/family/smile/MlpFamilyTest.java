package io.autogate.engine.family.smile;

import static io.autogate.engine.family.smile.RandomForestFamilyTest.assertMessageNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.engine.family.ModelFamily;
import io.autogate.engine.family.TrainingSet;
import io.autogate.runtime.schema.TaskType;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class MlpFamilyTest extends SmileFamilyContractTest {

    @Override
    ModelFamily family() {
        return new MlpFamily();
    }

    @Override
    Map<String, Object> overrides() {
        return Map.of("epochs", 20, "hidden_units", 32);
    }

    @Test
    void nameAndScaling() {
        assertEquals("mlp", family().name());
        assertTrue(family().needsScaling());
    }

    @Test
    void regressionTargetScaleIsRestored() {
        FamilyTestData.TrainTest data = FamilyTestData.regression(true);
        TrainingSet train = data.train();
        double[] shifted = new double[train.size()];
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] = 1000 * train.y()[i] + 50_000;
        }
        TrainingSet big = new TrainingSet(train.x(), shifted, train.featureNames(), TaskType.REGRESSION, 0);
        double[][] scores = family().fit(big, params(TaskType.REGRESSION), 2L).score(data.testX());
        double se = 0;
        double baseSe = 0;
        double mean = 0;
        for (double v : shifted) {
            mean += v / shifted.length;
        }
        for (int i = 0; i < scores.length; i++) {
            double truth = 1000 * data.testY()[i] + 50_000;
            se += Math.pow(scores[i][0] - truth, 2);
            baseSe += Math.pow(mean - truth, 2);
        }
        assertTrue(se < 0.5 * baseSe, "squared error " + se + " vs baseline " + baseSe);
    }

    @Test
    void twoHiddenLayersTrain() {
        FamilyTestData.TrainTest data = FamilyTestData.binary(true);
        Map<String, Object> params = new HashMap<>(params(TaskType.BINARY));
        params.put("hidden_layers", 2);
        double[][] scores = family().fit(FamilyTestData.head(data.train(), 400), params, 3L).score(data.testX());
        int correct = 0;
        for (int i = 0; i < scores.length; i++) {
            correct += argMax(scores[i]) == (int) data.testY()[i] ? 1 : 0;
        }
        assertTrue(correct > 0.9 * scores.length, "accuracy " + correct + "/" + scores.length);
    }

    @Test
    void anInterruptedFitStops() {
        TrainingSet train = FamilyTestData.head(FamilyTestData.binary(true).train(), 100);
        Thread.currentThread().interrupt();
        try {
            CancellationException e = assertThrows(CancellationException.class,
                    () -> family().fit(train, params(TaskType.BINARY), 1L));
            assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void badParametersAreNamed() {
        TrainingSet train = FamilyTestData.head(FamilyTestData.binary(true).train(), 50);
        assertMessageNames("momentum", () -> family().fit(train, paramsWith(TaskType.BINARY, "momentum", 1.0), 1L));
        assertMessageNames("epochs", () -> family().fit(train, paramsWith(TaskType.BINARY, "epochs", 0), 1L));
        Map<String, Object> decay = new HashMap<>(params(TaskType.BINARY));
        decay.put("learning_rate", 5.0);
        decay.put("weight_decay", 0.05);
        assertMessageNames("weight_decay", () -> family().fit(train, decay, 1L));
    }
}
