package io.autogate.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.engine.SharedDatasets;
import io.autogate.engine.family.ModelFamilies;
import io.autogate.engine.robustness.RobustnessChecks;
import io.autogate.engine.robustness.RobustnessSettings;
import io.autogate.engine.robustness.SelectionPolicy;
import io.autogate.engine.search.AutoMlSearch;
import io.autogate.engine.search.SearchListener;
import io.autogate.engine.search.SearchSettings;
import io.autogate.engine.search.TrialStatus;
import io.autogate.engine.space.SearchSpaceLoader;
import io.autogate.runtime.artifact.ModelManifest;
import io.autogate.runtime.model.ModelFormats;
import io.autogate.runtime.predict.Prediction;
import io.autogate.runtime.predict.Predictor;
import io.autogate.runtime.registry.FileModelRegistry;
import io.autogate.runtime.registry.ModelRef;
import io.autogate.runtime.schema.TaskType;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Train on real data, register, load fresh from disk: the same predictions, row for row. */
class TrainingRunTest {
    @TempDir
    Path dir;

    private TrainingResult train(String dataset, String target, TaskType task, int trials, List<String> families)
            throws Exception {
        FileModelRegistry registry = new FileModelRegistry(dir.resolve("registry"), ModelFormats.discover());
        AutoMlSearch search = new AutoMlSearch(ModelFamilies.discover(), new SearchSpaceLoader(), Clock.systemUTC());
        SearchSettings settings = new SearchSettings(null, trials, 5, 2, families);
        return new TrainingRun(search, registry, Clock.systemUTC())
                .run(new TrainingRequest(SharedDatasets.path(dataset), target, task, settings, "model"), SearchListener.none());
    }

    private void assertLoadedEqualsInMemory(TrainingResult result) throws Exception {
        FileModelRegistry fresh = new FileModelRegistry(dir.resolve("registry"), ModelFormats.discover());
        Predictor loaded = fresh.load(ModelRef.parse("model@" + result.manifest().version()));
        Predictor inMemory = result.outcome().predictor(result.dataset().schema());
        List<Prediction> a = inMemory.predict(result.dataset().rows());
        List<Prediction> b = loaded.predict(result.dataset().rows());
        // training rows pass the schema's check, so the checked entry point must answer the same
        List<Prediction> c = loaded.predictChecked(result.dataset().rows());
        assertEquals(a.size(), b.size());
        assertEquals(a.size(), c.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i), b.get(i), "row " + i);
            assertEquals(a.get(i), c.get(i), "row " + i + " (checked)");
        }
    }

    @Test
    void multiclassIrisAcrossFamiliesRoundTripsThroughTheRegistry() throws Exception {
        TrainingResult result = train("classification/iris.csv", "species", null, 12, List.of());
        assertEquals(TaskType.MULTICLASS, result.dataset().schema().task());
        assertEquals(12, result.outcome().trials().size());
        assertTrue(result.outcome().metrics().get("accuracy") > 0.9, result.outcome().metrics().toString());
        assertTrue(result.outcome().trials().stream().map(t -> t.candidate().family()).distinct().count() >= 6,
                "the portfolio's first round tries every family");
        ModelManifest m = result.manifest();
        assertEquals(1, m.version());
        assertEquals("logloss", m.metric());
        assertNotNull(m.provenance().dataSha256());
        assertEquals(64, m.provenance().dataSha256().length());
        assertEquals(5L, m.provenance().seed());
        assertTrue(m.leaderboard().size() >= 12);
        assertLoadedEqualsInMemory(result);
    }

    @Test
    void binaryWithMissingValuesAndCategoricals() throws Exception {
        TrainingResult result = train("classification/titanic.csv", "Survived", null, 6,
                List.of("xgboost", "random_forest", "linear"));
        assertEquals(TaskType.BINARY, result.dataset().schema().task());
        assertTrue(result.outcome().metrics().get("auc") > 0.8, result.outcome().metrics().toString());
        assertTrue(result.outcome().trials().stream().allMatch(t -> t.status() == TrialStatus.OK),
                result.outcome().trials().toString());
        assertLoadedEqualsInMemory(result);
    }

    @Test
    void theRobustnessCardIsRegisteredAndTheChosenModelIsThePolicysPick() throws Exception {
        FileModelRegistry registry = new FileModelRegistry(dir.resolve("registry"), ModelFormats.discover());
        AutoMlSearch search = new AutoMlSearch(ModelFamilies.discover(), new SearchSpaceLoader(), Clock.systemUTC());
        SearchSettings settings = new SearchSettings(null, 4, 5, 2, List.of("linear", "decision_tree"));
        TrainingResult result = new TrainingRun(search, registry, Clock.systemUTC()).run(new TrainingRequest(
                SharedDatasets.path("classification/titanic.csv"), "Survived", null, settings, "model",
                RobustnessSettings.of(SelectionPolicy.ROBUST, null, "Embarked")), SearchListener.none());
        var robustness = result.outcome().robustness();
        assertTrue(robustness.splits().stream().anyMatch(s -> s.label().equals("Embarked=Q")));
        String pick = robustness.picks().get(SelectionPolicy.ROBUST);
        String chosen = result.outcome().isEnsemble() ? "ensemble" : RobustnessChecks.label(result.outcome().members().get(0).trial());
        assertEquals(pick, chosen, "the registered model is the robust pick");
        ModelManifest loaded = new FileModelRegistry(dir.resolve("registry"), ModelFormats.discover())
                .manifest(ModelRef.parse("model@1"));
        assertNotNull(loaded.robustness());
        assertEquals("robust", loaded.robustness().policy());
        assertEquals(pick, loaded.robustness().chosen());
        assertTrue(loaded.robustness().summary().contains("auc"), loaded.robustness().summary());
        assertEquals("robust", loaded.provenance().settings().get("select"));
        assertTrue(loaded.leaderboard().stream().anyMatch(row -> row.containsKey("robustness")));
        assertLoadedEqualsInMemory(result);
    }

    @Test
    void refitGivesOneModelPerMemberFittedOnAllRowsAndRoundTrips() throws Exception {
        FileModelRegistry registry = new FileModelRegistry(dir.resolve("registry"), ModelFormats.discover());
        AutoMlSearch search = new AutoMlSearch(ModelFamilies.discover(), new SearchSpaceLoader(), Clock.systemUTC());
        SearchSettings settings = new SearchSettings(null, 6, 5, 2, List.of("gbt", "linear", "knn"), true);
        TrainingResult result = new TrainingRun(search, registry, Clock.systemUTC()).run(new TrainingRequest(
                SharedDatasets.path("regression/concrete.csv"), "compressive_strength", null, settings, "model"),
                SearchListener.none());
        assertTrue(result.outcome().members().stream().allMatch(m -> m.folds().size() == 1),
                "one model per member, not one per fold");
        assertTrue(result.outcome().finalFit().startsWith("refit on all 1030 rows"), result.outcome().finalFit());
        ModelManifest m = result.manifest();
        assertTrue(m.members().stream().allMatch(member -> member.folds().size() == 1));
        assertEquals(true, m.provenance().settings().get("refit"));
        assertEquals(result.outcome().finalFit(), m.provenance().settings().get("final_fit"));
        // a full-data model fits the training rows at least about as well as the out-of-fold estimate says
        Predictor loaded = new FileModelRegistry(dir.resolve("registry"), ModelFormats.discover())
                .load(ModelRef.parse("model@1"));
        double sse = 0;
        List<Prediction> predictions = loaded.predict(result.dataset().rows());
        for (int i = 0; i < predictions.size(); i++) {
            double e = predictions.get(i).value() - result.dataset().y()[i];
            sse += e * e;
        }
        double rmse = Math.sqrt(sse / predictions.size());
        assertTrue(rmse < result.outcome().metrics().get("rmse") * 1.2, rmse + " vs " + result.outcome().metrics());
        assertLoadedEqualsInMemory(result);
    }

    @Test
    void regressionWithEnsembleMembersOfDifferentPipelines() throws Exception {
        TrainingResult result = train("regression/concrete.csv", "compressive_strength", null, 8,
                List.of("gbt", "linear", "knn", "extra_trees"));
        assertEquals(TaskType.REGRESSION, result.dataset().schema().task());
        assertTrue(result.outcome().metrics().get("r2") > 0.7, result.outcome().metrics().toString());
        assertLoadedEqualsInMemory(result);
    }
}
