package io.autogate.engine.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.engine.SharedDatasets;
import io.autogate.engine.family.ModelFamilies;
import io.autogate.engine.search.AutoMlSearch;
import io.autogate.engine.search.SearchListener;
import io.autogate.engine.search.SearchSettings;
import io.autogate.engine.space.SearchSpaceLoader;
import io.autogate.engine.train.TrainingRequest;
import io.autogate.engine.train.TrainingResult;
import io.autogate.engine.train.TrainingRun;
import io.autogate.runtime.artifact.InsightCard;
import io.autogate.runtime.model.ModelFormats;
import io.autogate.runtime.registry.FileModelRegistry;
import io.autogate.runtime.registry.ModelRef;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The insight card is built from out-of-fold predictions, stored in the manifest and reproducible from the seed. */
class ModelInsightsTest {
    @TempDir
    Path dir;

    private TrainingResult train(String dataset, String target, String name, List<String> families) throws Exception {
        FileModelRegistry registry = new FileModelRegistry(dir.resolve("registry"), ModelFormats.discover());
        AutoMlSearch search = new AutoMlSearch(ModelFamilies.discover(), new SearchSpaceLoader(), Clock.systemUTC());
        return new TrainingRun(search, registry, Clock.systemUTC()).run(new TrainingRequest(SharedDatasets.path(dataset),
                target, null, new SearchSettings(null, 4, 11, 2, families), name), SearchListener.none());
    }

    @Test
    void irisConfusionCountsEveryRowAndPetalsMatterMoreThanSepals() throws Exception {
        TrainingResult result = train("classification/iris.csv", "species", "iris", List.of("random_forest", "linear"));
        InsightCard card = result.manifest().insights();
        assertNotNull(card);
        assertEquals("permutation", card.importanceMethod());
        assertEquals(150, card.rows());
        assertEquals(4, card.featureImportance().size());
        int[][] counts = card.confusion().counts();
        assertEquals(150, Arrays.stream(counts).flatMapToInt(Arrays::stream).sum());
        int diagonal = 0;
        for (int c = 0; c < counts.length; c++) {
            assertEquals(50, Arrays.stream(counts[c]).sum(), "actual class " + card.confusion().classes().get(c));
            diagonal += counts[c][c];
        }
        double accuracy = result.outcome().metrics().get("accuracy");
        assertEquals(Math.round(accuracy * 150), diagonal, "the diagonal is the out-of-fold accuracy");
        String top = card.featureImportance().get(0).feature();
        assertTrue(top.startsWith("petal"), "iris leans on petal measurements, got " + card.featureImportance());
        assertTrue(card.featureImportance().get(0).importance() > 0, card.featureImportance().toString());
        assertNull(card.predictedVsActual());
        InsightCard stored = new FileModelRegistry(dir.resolve("registry"), ModelFormats.discover())
                .manifest(ModelRef.parse("iris@1")).insights();
        assertEquals(card, stored);
    }

    @Test
    void regressionGetsAPredictedVsActualSampleAndTheSameCardFromTheSameSeed() throws Exception {
        TrainingResult a = train("regression/auto-mpg.csv", "mpg", "mpg", List.of("linear", "random_forest"));
        TrainingResult b = train("regression/auto-mpg.csv", "mpg", "mpg", List.of("linear", "random_forest"));
        InsightCard card = a.manifest().insights();
        assertNull(card.confusion());
        InsightCard.PredictedVsActual points = card.predictedVsActual();
        assertEquals(points.actual().length, points.predicted().length);
        assertTrue(points.actual().length > 300 && points.actual().length <= ModelInsights.MAX_POINTS, "" + points.actual().length);
        double rmse = 0;
        for (int i = 0; i < points.actual().length; i++) {
            rmse += Math.pow(points.actual()[i] - points.predicted()[i], 2);
        }
        rmse = Math.sqrt(rmse / points.actual().length);
        assertEquals(a.outcome().metrics().get("rmse"), rmse, 0.35 * a.outcome().metrics().get("rmse"),
                "the sampled pairs are the model's out-of-fold predictions");
        assertEquals(card, b.manifest().insights(), "same seed, same card");
        assertTrue(card.featureImportance().stream().anyMatch(f -> f.importance() > 0.5), card.featureImportance().toString());
    }

    @Test
    void aSampleKeepsRowOrderAndTheSeedDecidesIt() {
        int[] rows = new int[5000];
        Arrays.setAll(rows, i -> i * 2);
        int[] s1 = ModelInsights.sample(rows, 1000, 3);
        int[] s2 = ModelInsights.sample(rows, 1000, 3);
        assertEquals(1000, s1.length);
        assertTrue(Arrays.equals(s1, s2));
        for (int i = 1; i < s1.length; i++) {
            assertTrue(s1[i] > s1[i - 1]);
        }
        assertTrue(!Arrays.equals(s1, ModelInsights.sample(rows, 1000, 4)));
    }
}
