package io.autogate.engine.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.runtime.forecast.ForecastResult;
import io.autogate.runtime.model.ModelFormats;
import io.autogate.runtime.registry.FileModelRegistry;
import io.autogate.runtime.registry.ModelRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ensemble rule is chosen per run on the backtests, and the manifest says which and why. */
class EnsembleChoiceTest {
    private static final double[] PATTERN = {5, 9, 14, 20, 26, 30, 31, 27, 21, 15, 9, 6};

    @TempDir
    Path dir;

    private Path monthly(String name, int n, IntToDoubleFunction value) throws Exception {
        StringBuilder sb = new StringBuilder("month,y\n");
        for (int t = 0; t < n; t++) {
            sb.append(String.format("%04d-%02d,%.6f%n", 2000 + t / 12, t % 12 + 1, value.applyAsDouble(t)));
        }
        Path p = dir.resolve(name + ".csv");
        Files.writeString(p, sb.toString());
        return p;
    }

    private ForecastTrainingResult train(ForecastTrainer trainer, Path data, String name) throws Exception {
        return trainer.train(new ForecastRequest(data, "y", "month", null, 6, null, Duration.ofSeconds(20), 7, 2, List.of(),
                name));
    }

    /** A Gaussian random walk from 0, seeded. */
    private static double[] randomWalk(long seed, int n) {
        Random noise = new Random(seed);
        double[] walk = new double[n];
        for (int t = 1; t < n; t++) {
            walk[t] = walk[t - 1] + noise.nextGaussian();
        }
        return walk;
    }

    private FileModelRegistry registry() {
        return new FileModelRegistry(dir.resolve("reg"), ModelFormats.discover());
    }

    @Test
    void anExactlySeasonalSeriesGetsSeasonalNaive() throws Exception {
        FileModelRegistry registry = registry();
        // the first year is shifted, so the MASE scale is not zero; from then on the year repeats exactly
        Path data = monthly("seasonal", 72, t -> PATTERN[t % 12] + (t < 12 ? 4 : 0));
        ForecastTrainingResult r = train(ForecastTrainer.withAllFamilies(registry, Clock.systemUTC()).withEnsembleRule(EnsembleRule.BACKTEST_CHOICE), data, "seasonal");
        EnsembleChoice choice = r.ensembleChoice();
        assertEquals(EnsembleRule.SEASONAL_NAIVE, choice.rule(), choice.toString());
        assertEquals(0.0, choice.scores().get("seasonal_naive"), 1e-9);
        assertEquals(EnsembleRule.candidates().stream().map(EnsembleRule::id).toList(), List.copyOf(choice.scores().keySet()));
        assertEquals(Map.of("seasonal_naive", 1.0), r.weights());
        ForecastResult f = registry.loadForecaster(ModelRef.parse("seasonal")).forecast("", 6);
        for (int h = 0; h < 6; h++) {
            assertEquals(PATTERN[h], f.rows().get(h).prediction(), 1e-6);
        }
    }

    @Test
    void aTrendingSeriesGetsTrendCapableMembers() throws Exception {
        Random noise = new Random(3);
        double[] y = new double[72];
        for (int t = 0; t < y.length; t++) {
            y[t] = 50 + 2 * t + noise.nextGaussian() * 0.5;
        }
        ForecastTrainingResult r = train(new ForecastTrainer(ForecastFamilies.all(), registry(), Clock.systemUTC())
                .withEnsembleRule(EnsembleRule.BACKTEST_CHOICE),
                monthly("trend", 72, t -> y[t]), "trend");
        EnsembleChoice choice = r.ensembleChoice();
        assertNotEquals(EnsembleRule.SEASONAL_NAIVE, choice.rule(), choice.toString());
        assertTrue(Set.of("drift", "ets", "theta", "arima").containsAll(r.weights().keySet()), r.weights().toString());
        double floor = choice.scores().get("seasonal_naive");
        assertTrue(choice.scores().get(choice.rule().id()) < floor / 5, choice.toString());
    }

    @Test
    void theManifestRecordsTheChoiceAndEveryCandidatesScore() throws Exception {
        Random noise = new Random(5);
        double[] y = new double[60];
        for (int t = 0; t < y.length; t++) {
            y[t] = 100 + t + 10 * PATTERN[t % 12] / 31 + noise.nextGaussian();
        }
        ForecastTrainingResult r = train(ForecastTrainer.withAllFamilies(registry(), Clock.systemUTC()).withEnsembleRule(EnsembleRule.BACKTEST_CHOICE),
                monthly("mixed", 60, t -> y[t]), "mixed");
        Map<String, Object> settings = r.manifest().provenance().settings();
        assertEquals("backtest_choice", settings.get("ensemble_rule"));
        @SuppressWarnings("unchecked")
        Map<String, Object> recorded = (Map<String, Object>) settings.get("ensemble_choice");
        assertEquals(r.ensembleChoice().rule().id(), recorded.get("chosen"));
        @SuppressWarnings("unchecked")
        Map<String, Double> scores = (Map<String, Double>) recorded.get("scores");
        double winner = scores.get(r.ensembleChoice().rule().id());
        assertTrue(scores.values().stream().allMatch(s -> winner <= s), scores.toString());
        assertTrue(recorded.get("method").toString().contains("latest 4 window(s) per series scored"), recorded.toString());

        ForecastTrainingResult fixed = train(ForecastTrainer.withAllFamilies(registry(), Clock.systemUTC()).withEnsembleRule(EnsembleRule.BACKTEST_CHOICE)
                .withEnsembleRule(EnsembleRule.TOP3_EQUAL), monthly("mixed", 60, t -> y[t]), "fixed");
        assertEquals(EnsembleRule.TOP3_EQUAL, fixed.ensembleChoice().rule());
        assertEquals(3, fixed.weights().size());
        fixed.weights().values().forEach(w -> assertEquals(1.0 / 3, w, 1e-12));
    }

    @Test
    void theNearBestRuleNeverScoresWorseOnTheBacktestsThanItsBestMember() throws Exception {
        double[] walk = randomWalk(11, 84);
        List<IntToDoubleFunction> shapes = List.of(t -> 100 + walk[t], t -> 60 + 0.8 * t + PATTERN[t % 12] + walk[t],
                t -> 40 + PATTERN[t % 12] * (1 + 0.01 * t) + 0.3 * walk[t]);
        for (int i = 0; i < shapes.size(); i++) {
            ForecastTrainingResult r = train(ForecastTrainer.withAllFamilies(registry(), Clock.systemUTC())
                    .withEnsembleRule(EnsembleRule.TOP3_NEAR_BEST), monthly("near" + i, 84, shapes.get(i)), "near" + i);
            double best = r.backtest().entrySet().stream().filter(e -> !e.getKey().equals("ensemble"))
                    .mapToDouble(e -> e.getValue().get("mase")).min().orElseThrow();
            double ensemble = r.backtest().get("ensemble").get("mase");
            assertTrue(ensemble <= best + 1e-9, "series " + i + ": ensemble " + ensemble + " vs best member " + best);
            assertTrue(r.weights().size() <= 3, r.weights().toString());
            for (String member : r.weights().keySet()) {
                assertTrue(r.backtest().get(member).get("mase") <= EnsembleChoice.NEAR_BEST * best + 1e-9, r.weights().toString());
            }
        }
    }

    @Test
    void theGreedyRuleIsTrainedServedAndRecordedWithItsSelectionCounts() throws Exception {
        double[] walk = randomWalk(13, 84);
        FileModelRegistry registry = registry();
        ForecastTrainingResult r = train(ForecastTrainer.withAllFamilies(registry, Clock.systemUTC())
                .withEnsembleRule(EnsembleRule.parse("greedy")), monthly("greedy", 84, t -> 60 + 0.8 * t + PATTERN[t % 12]
                + walk[t]), "greedy");
        double best = r.backtest().entrySet().stream().filter(e -> !e.getKey().equals("ensemble"))
                .mapToDouble(e -> e.getValue().get("mase")).min().orElseThrow();
        assertTrue(r.backtest().get("ensemble").get("mase") <= best + 1e-9, r.backtest().toString());
        Map<String, Object> settings = r.manifest().provenance().settings();
        assertEquals("greedy", settings.get("ensemble_rule"));
        @SuppressWarnings("unchecked")
        Map<String, Object> recorded = (Map<String, Object>) settings.get("ensemble_choice");
        String method = recorded.get("method").toString();
        assertTrue(method.startsWith("greedy selection with replacement"), method);
        // the weights are the selection counts over the rounds kept: multiples of one over their total
        int rounds = Integer.parseInt(method.replaceAll(".*came after (\\d+) round.*", "$1"));
        for (Map.Entry<String, Double> w : r.weights().entrySet()) {
            assertEquals(Math.rint(w.getValue() * rounds), w.getValue() * rounds, 1e-9, w.toString());
            assertTrue(method.contains(w.getKey() + "=" + Math.round(w.getValue() * rounds)), method);
        }
        assertEquals(6, registry.loadForecaster(ModelRef.parse("greedy")).forecast("", 6).rows().size());
        ForecastTrainingResult again = train(ForecastTrainer.withAllFamilies(registry, Clock.systemUTC())
                .withEnsembleRule(EnsembleRule.GREEDY), monthly("greedy", 84, t -> 60 + 0.8 * t + PATTERN[t % 12] + walk[t]),
                "greedy-again");
        assertEquals(r.weights(), again.weights());
    }
}
