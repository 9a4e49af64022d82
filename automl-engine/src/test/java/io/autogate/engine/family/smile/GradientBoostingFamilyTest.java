package io.autogate.engine.family.smile;

import static io.autogate.engine.family.smile.RandomForestFamilyTest.assertMessageNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.autogate.engine.family.ModelFamily;
import io.autogate.engine.family.TrainingSet;
import io.autogate.runtime.schema.TaskType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GradientBoostingFamilyTest extends SmileFamilyContractTest {

    @Override
    ModelFamily family() {
        return new GradientBoostingFamily();
    }

    @Override
    Map<String, Object> overrides() {
        return Map.of("ntrees", 60);
    }

    @Test
    void nameAndScaling() {
        assertEquals("gbt", family().name());
        assertFalse(family().needsScaling());
    }

    @Test
    void regressionUsesTheLossItIsGivenAndLeastSquaresWithoutOne() {
        FamilyTestData.TrainTest data = FamilyTestData.regression(false);
        TrainingSet train = FamilyTestData.head(data.train(), 300);
        Map<String, Object> squares = params(TaskType.REGRESSION);
        assertEquals("least_squares", squares.get("loss"));
        Map<String, Object> noLoss = new HashMap<>(squares);
        noLoss.remove("loss");
        double[][] ls = family().fit(train, squares, 4L).score(data.testX());
        double[][] implicit = family().fit(train, noLoss, 4L).score(data.testX());
        double[][] lad = family().fit(train, paramsWith(TaskType.REGRESSION, "loss", "least_absolute_deviation"), 4L)
                .score(data.testX());
        assertEquals(Arrays.deepToString(ls), Arrays.deepToString(implicit));
        assertFalse(Arrays.deepEquals(ls, lad));
    }

    @Test
    void badParametersAreNamed() {
        TrainingSet train = FamilyTestData.head(FamilyTestData.regression(false).train(), 50);
        assertMessageNames("shrinkage", () -> family().fit(train, paramsWith(TaskType.REGRESSION, "shrinkage", -0.1), 1L));
        assertMessageNames("max_nodes", () -> family().fit(train, paramsWith(TaskType.REGRESSION, "max_nodes", 1), 1L));
        assertMessageNames("loss", () -> family().fit(train, paramsWith(TaskType.REGRESSION, "loss", "quantile"), 1L));
    }
}
