package io.autogate.engine.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.autogate.runtime.artifact.ManifestJson;
import io.autogate.runtime.forecast.Covariate;
import io.autogate.runtime.forecast.ForecastModel;
import io.autogate.runtime.forecast.ForecastResult;
import io.autogate.runtime.forecast.ForecastSpec;
import io.autogate.runtime.forecast.Frequency;
import io.autogate.runtime.forecast.GlobalGbmModel;
import io.autogate.runtime.forecast.NaiveModel;
import io.autogate.runtime.forecast.PointForecast;
import io.autogate.runtime.forecast.RegularSeries;
import io.autogate.runtime.model.ModelFormats;
import io.autogate.runtime.registry.FileModelRegistry;
import io.autogate.runtime.registry.ModelRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The global GBM family on series that share one seasonal pattern at very different levels:
 * it beats naive on the held-out horizon, its saved form forecasts identically, and short or
 * bad input is handled.
 */
class GbmFamilyTest {
    private static final Frequency MONTHLY = new Frequency(ChronoUnit.MONTHS, 1);
    private static final LocalDateTime START = LocalDateTime.of(2000, 1, 1, 0, 0);
    private static final int H = 12;

    @TempDir
    Path dir;

    /** 30 series of 72 months: level 10..3000, a shared multiplicative season, a little noise. */
    private static List<RegularSeries> shared(int count, int length, long seed) {
        Random random = new Random(seed);
        double[] season = {0.7, 0.8, 1.0, 1.1, 1.3, 1.5, 1.6, 1.4, 1.1, 0.9, 0.8, 0.8};
        List<RegularSeries> out = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            double level = 10 * Math.pow(300, s / (double) (count - 1));
            double[] y = new double[length];
            for (int t = 0; t < length; t++) {
                y[t] = level * (1 + 0.004 * t) * season[t % 12] * (1 + 0.03 * random.nextGaussian());
            }
            out.add(new RegularSeries("s" + s, START, y));
        }
        return out;
    }

    private static List<RegularSeries> heads(List<RegularSeries> series, int drop) {
        return series.stream().map(s -> new RegularSeries(s.id(), s.start(), Arrays.copyOf(s.values(), s.values().length - drop)))
                .toList();
    }

    private static int[][] origins(List<RegularSeries> series) {
        return series.stream().map(s -> ForecastTrainer.origins(s.values().length, H)).toArray(int[][]::new);
    }

    @Test
    void beatsNaiveOnSeriesWithASharedSeasonAndKeepsItsIntervalsOrdered() {
        List<RegularSeries> all = shared(30, 84, 7);
        List<RegularSeries> train = heads(all, H);
        GlobalFit fit = new GbmFamily().fit(train, origins(train), MONTHLY, H, 42, 2);
        GlobalGbmModel model = (GlobalGbmModel) fit.model();
        List<PointForecast> forecasts = model.forecastAll(train, MONTHLY, H);
        double gbm = 0;
        double naive = 0;
        for (int s = 0; s < all.size(); s++) {
            double[] y = all.get(s).values();
            double[] head = train.get(s).values();
            PointForecast n = new NaiveModel().forecast(head, H);
            for (int h = 0; h < H; h++) {
                double actual = y[head.length + h];
                gbm += Math.abs(actual - forecasts.get(s).mean()[h]) / actual;
                naive += Math.abs(actual - n.mean()[h]) / actual;
                assertTrue(forecasts.get(s).sigma()[h] > 0);
            }
            assertEquals(3, fit.perSeries()[s].windows().length);
            assertTrue(Arrays.stream(fit.perSeries()[s].windows()).allMatch(w -> w != null && w.horizon() == H));
        }
        assertTrue(gbm < 0.5 * naive, "gbm relative error " + gbm + " vs naive " + naive);
        double[] sigma = model.stepSigma();
        for (int h = 1; h < sigma.length; h++) {
            assertTrue(sigma[h] >= sigma[h - 1], "step spreads never shrink");
        }
    }

    @Test
    void aSavedModelForecastsIdentically() throws Exception {
        List<RegularSeries> train = shared(8, 60, 3);
        GlobalGbmModel model = (GlobalGbmModel) new GbmFamily().fit(train, origins(train), MONTHLY, H, 5, 1).model();
        ObjectMapper json = ManifestJson.mapper();
        ForecastModel back = json.readValue(json.writeValueAsString(model), ForecastModel.class);
        for (RegularSeries s : train) {
            PointForecast a = model.forecast(s, MONTHLY, H);
            PointForecast b = back.forecast(s, MONTHLY, H);
            assertArrayEquals(a.mean(), b.mean());
            assertArrayEquals(a.sigma(), b.sigma());
        }
        assertEquals(model.params(), ((GlobalGbmModel) back).params());
        assertEquals("5", model.params().get("seed"));
    }

    @Test
    void sameSeedSameBooster() {
        List<RegularSeries> train = shared(6, 48, 1);
        GlobalGbmModel a = (GlobalGbmModel) new GbmFamily().fit(train, origins(train), MONTHLY, H, 9, 2).model();
        GlobalGbmModel b = (GlobalGbmModel) new GbmFamily().fit(train, origins(train), MONTHLY, H, 9, 2).model();
        assertArrayEquals(a.forecast(train.get(0), MONTHLY, H).mean(), b.forecast(train.get(0), MONTHLY, H).mean());
    }

    @Test
    void shortSeriesAreLeftOutAndBadInputIsRefusedClearly() {
        List<RegularSeries> train = new ArrayList<>(shared(5, 60, 2));
        train.add(new RegularSeries("tiny", START, new double[] {1, 2, 3}));
        GlobalFit fit = new GbmFamily().fit(train, origins(train), MONTHLY, H, 1, 1);
        assertNull(fit.perSeries()[5], "a series shorter than the anchor window gets no gbm forecast");
        assertNotNull(fit.perSeries()[0]);
        List<RegularSeries> tooShort = List.of(new RegularSeries("a", START, new double[] {1, 2, 3}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GbmFamily().fit(tooShort, origins(tooShort), MONTHLY, H, 1, 1));
        assertTrue(e.getMessage().contains("anchor window"), e.getMessage());
        GlobalGbmModel model = (GlobalGbmModel) fit.model();
        assertThrows(UnsupportedOperationException.class, () -> model.forecast(new double[] {1, 2, 3}, 2));
        GlobalGbmModel corrupt = new GlobalGbmModel(model.features(), model.params(), model.rounds(), model.seed(), "AAAA",
                model.stepSigma());
        IllegalStateException bad = assertThrows(IllegalStateException.class, () -> corrupt.forecast(train.get(0), MONTHLY, 2));
        assertTrue(bad.getMessage().contains("booster"), bad.getMessage());
    }

    @Test
    void familiesOptionSelectsTheGlobalFamilyByName() {
        assertEquals(List.of(), ForecastFamilies.select(ForecastFamilies.all(), ForecastFamilies.global(), List.of("gbm")));
        assertEquals(List.of("gbm"), ForecastFamilies.selectGlobal(ForecastFamilies.global(), List.of(" GBM ")).stream()
                .map(GlobalForecastFamily::id).toList());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ForecastFamilies.select(ForecastFamilies.all(), ForecastFamilies.global(), List.of("prophet")));
        assertTrue(e.getMessage().contains("'prophet' is not a forecasting family") && e.getMessage().contains("gbm"),
                e.getMessage());
    }

    /** A global family whose fit always throws. */
    private static final class BrokenGlobal implements GlobalForecastFamily {
        @Override
        public String id() {
            return "broken_global";
        }

        @Override
        public GlobalFit fit(List<RegularSeries> series, int[][] origins, Frequency frequency, int horizon,
                List<Covariate> covariates, long seed, int threads) {
            throw new IllegalStateException("out of memory in the booster");
        }
    }

    private Path csv(List<RegularSeries> series) throws Exception {
        StringBuilder sb = new StringBuilder("month,shop,sales\n");
        for (RegularSeries s : series) {
            for (int t = 0; t < s.values().length; t++) {
                LocalDateTime at = MONTHLY.plus(START, t);
                sb.append(String.format("%04d-%02d,%s,%.4f%n", at.getYear(), at.getMonthValue(), s.id(), s.values()[t]));
            }
        }
        Path p = dir.resolve("shops.csv");
        Files.writeString(p, sb.toString());
        return p;
    }

    @Test
    void trainerStoresTheGlobalMemberOnceAndExcludesABrokenGlobalFamily() throws Exception {
        List<RegularSeries> series = shared(12, 60, 11);
        FileModelRegistry registry = new FileModelRegistry(dir.resolve("reg"), ModelFormats.discover());
        ForecastTrainingResult r = new ForecastTrainer(List.of(BenchmarkFamilies.NAIVE),
                List.of(new BrokenGlobal(), new GbmFamily()), registry, Clock.systemUTC()).train(new ForecastRequest(
                        csv(series), "sales", "month", "shop", H, null, Duration.ofSeconds(60), 3, 2, List.of(), "shops"));
        assertTrue(String.join("\n", r.log()).contains(
                "broken_global (global, all series) excluded: failed (IllegalStateException: out of memory in the booster)"),
                r.log().toString());
        assertTrue(r.backtest().get("gbm").get("mase") < r.backtest().get("naive").get("mase"), r.backtest().toString());
        ForecastSpec spec = r.manifest().forecast();
        assertEquals(ForecastTrainer.MAX_HISTORY, r.manifest().provenance().settings().get("global_history"),
                "monthly data: 731 days are fewer steps than the per-series history");
        assertEquals(List.of("gbm"), spec.globalMembers().stream().map(m -> m.family()).toList());
        assertTrue(spec.series().stream().allMatch(s -> s.members().stream().noneMatch(m -> m.family().equals("gbm"))));
        ForecastResult a = registry.loadForecaster(ModelRef.parse("shops")).forecast("s3", H);
        ForecastResult b = registry.loadForecaster(ModelRef.parse("shops")).forecast("s3", H);
        assertEquals(a, b);
        assertEquals(H, a.rows().size());
        List<String> stamps = new ArrayList<>();
        for (int t = 0; t < 30; t++) {
            LocalDateTime at = MONTHLY.plus(START, t);
            stamps.add(String.format("%04d-%02d", at.getYear(), at.getMonthValue()));
        }
        ForecastResult unseen = registry.loadForecaster(ModelRef.parse("shops")).forecast("new-shop", 3, stamps,
                Arrays.copyOf(series.get(2).values(), 30));
        assertTrue(unseen.notes().contains("series not seen at training: forecast by the global members"), unseen.notes().toString());
        assertTrue(unseen.rows().stream().allMatch(row -> row.lower95() < row.prediction() && row.prediction() < row.upper95()));
    }
}
