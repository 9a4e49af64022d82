package io.autogate.engine.family.tribuo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.autogate.engine.family.ModelFamily;
import io.autogate.runtime.model.ModelContext;
import io.autogate.runtime.model.NumericModel;
import io.autogate.runtime.model.tribuo.TribuoModel;
import io.autogate.runtime.model.tribuo.TribuoProtobufFormat;
import io.autogate.runtime.schema.TaskType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Tribuo family on every task, with the defaults of its search-space file: it beats a
 * trivial baseline on held-out rows, returns well-formed probabilities, is reproducible from its
 * seed and survives a protobuf write and read unchanged; every portfolio entry fits.
 */
class TribuoFamiliesTest {

    static List<ModelFamily> families() {
        return List.of(new XGBoostFamily(), new LinearFamily(), new DecisionTreeFamily(), new ExtraTreesFamily(),
                new KnnFamily());
    }

    static Stream<Arguments> familiesAndTasks() {
        List<Arguments> cases = new ArrayList<>();
        for (ModelFamily family : families()) {
            for (TaskType task : TaskType.values()) {
                cases.add(Arguments.of(family.name(), task));
            }
        }
        return cases.stream();
    }

    static ModelFamily family(String name) {
        return families().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("familiesAndTasks")
    void defaultsBeatBaselineAreReproducibleAndRoundTrip(String name, TaskType task, @TempDir Path dir) throws IOException {
        ModelFamily family = family(name);
        assertTrue(family.supports(task));
        HeldOutData data = HeldOutData.load(task, family.needsScaling());
        Map<String, Object> params = SearchSpaceYaml.load(name).params(task, null);

        NumericModel model = family.fit(data.train(), params, 42L);
        double[][] scores = model.score(data.testX());
        assertEquals(data.testX().length, scores.length);
        if (task.isClassification()) {
            for (double[] row : scores) {
                assertEquals(data.train().numClasses(), row.length);
                assertEquals(1.0, Arrays.stream(row).sum(), 1e-9);
                assertTrue(Arrays.stream(row).allMatch(p -> p >= 0 && p <= 1), Arrays.toString(row));
            }
            double accuracy = data.accuracy(scores);
            assertTrue(accuracy > data.majorityAccuracy() + 0.1,
                    name + " accuracy " + accuracy + " vs majority " + data.majorityAccuracy());
        } else {
            double rmse = data.rmse(scores);
            assertTrue(rmse < 0.8 * data.meanRmse(), name + " RMSE " + rmse + " vs mean-only " + data.meanRmse());
        }

        NumericModel again = family.fit(data.train(), params, 42L);
        assertArrayEquals(scores, again.score(data.testX()), name + ": same seed, different predictions");

        TribuoProtobufFormat format = new TribuoProtobufFormat();
        assertEquals(format.id(), model.formatId());
        Path file = dir.resolve(name + ".pb");
        format.write(model, file);
        NumericModel read = format.read(file,
                new ModelContext(task, data.train().numClasses(), data.train().featureNames()));
        assertTrue(read instanceof TribuoModel);
        assertArrayEquals(scores, read.score(data.testX()), name + ": scores changed after protobuf write and read");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("familiesAndTasks")
    void everyPortfolioEntryFits(String name, TaskType task) {
        ModelFamily family = family(name);
        HeldOutData data = HeldOutData.load(task, family.needsScaling());
        SearchSpaceYaml space = SearchSpaceYaml.load(name);
        int fitted = 0;
        for (JsonNode entry : space.portfolio()) {
            if (!SearchSpaceYaml.appliesTo(entry, task)) {
                continue;
            }
            Map<String, Object> params = space.params(task, entry.get("params"));
            double[][] scores = family.fit(data.trainHead(120), params, 7L).score(Arrays.copyOf(data.testX(), 5));
            for (double[] row : scores) {
                assertTrue(Arrays.stream(row).allMatch(Double::isFinite), entry.get("name") + ": " + Arrays.toString(row));
            }
            fitted++;
        }
        assertTrue(fitted >= 3, name + " has only " + fitted + " portfolio entries for " + task.id());
    }
}
