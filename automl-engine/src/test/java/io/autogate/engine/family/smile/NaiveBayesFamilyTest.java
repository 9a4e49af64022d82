package io.autogate.engine.family.smile;

import static io.autogate.engine.family.smile.RandomForestFamilyTest.assertMessageNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.engine.family.ModelFamily;
import io.autogate.engine.family.TrainingSet;
import io.autogate.runtime.schema.TaskType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NaiveBayesFamilyTest extends SmileFamilyContractTest {

    @Override
    ModelFamily family() {
        return new NaiveBayesFamily();
    }

    @Test
    void classificationOnly() {
        assertEquals("naive_bayes", family().name());
        assertTrue(family().supports(TaskType.BINARY) && family().supports(TaskType.MULTICLASS));
        assertFalse(family().supports(TaskType.REGRESSION));
        TrainingSet regression = FamilyTestData.head(FamilyTestData.regression(false).train(), 20);
        assertMessageNames("classification", () -> family().fit(regression, Map.of("var_smoothing", 1e-9), 1L));
    }

    @Test
    void matchesGaussianNaiveBayesComputedByHand() {
        // One feature; class 0 = {0, 2} (mean 1, variance 1), class 1 = {4, 6, 8} (mean 6, variance 8/3).
        double[][] x = {{0}, {2}, {4}, {6}, {8}};
        double[] y = {0, 0, 1, 1, 1};
        TrainingSet train = new TrainingSet(x, y, List.of("f"), TaskType.BINARY, 2);
        double smoothing = 0.01;
        double floor = smoothing * 8.0; // largest variance over all rows: mean 4, variance 8
        double[] row = family().fit(train, Map.of("var_smoothing", smoothing), 1L).score(new double[][] {{3}})[0];
        double p0 = 0.4 * gaussian(3, 1, 1 + floor);
        double p1 = 0.6 * gaussian(3, 6, 8.0 / 3 + floor);
        assertEquals(p0 / (p0 + p1), row[0], 1e-12);
        assertEquals(p1 / (p0 + p1), row[1], 1e-12);
    }

    @Test
    void constantFeaturesStillGiveProbabilities() {
        double[][] x = {{1, 0}, {1, 1}, {1, 5}, {1, 6}};
        double[] y = {0, 0, 1, 1};
        TrainingSet train = new TrainingSet(x, y, List.of("c", "f"), TaskType.BINARY, 2);
        double[] row = family().fit(train, Map.of("var_smoothing", 1e-9), 1L).score(new double[][] {{1, 0.5}})[0];
        assertTrue(row[0] > 0.99, "p(class 0) = " + row[0]);
        assertMessageNames("var_smoothing", () -> family().fit(train, Map.of("var_smoothing", -1), 1L));
    }

    private static double gaussian(double v, double mean, double variance) {
        return Math.exp(-(v - mean) * (v - mean) / (2 * variance)) / Math.sqrt(2 * Math.PI * variance);
    }
}
