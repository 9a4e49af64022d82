package io.autogate.engine.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.engine.BadInputException;
import io.autogate.runtime.forecast.Covariate;
import io.autogate.runtime.forecast.CovariateRole;
import io.autogate.runtime.forecast.CovariateRows;
import io.autogate.runtime.forecast.ForecastResult;
import io.autogate.runtime.forecast.ForecastSpec;
import io.autogate.runtime.forecast.Forecaster;
import io.autogate.runtime.forecast.Frequency;
import io.autogate.runtime.forecast.GbmFeatures;
import io.autogate.runtime.forecast.GlobalGbmModel;
import io.autogate.runtime.forecast.RegularSeries;
import io.autogate.runtime.model.ModelFormats;
import io.autogate.runtime.registry.FileModelRegistry;
import io.autogate.runtime.registry.ModelRef;
import io.autogate.runtime.schema.ColumnType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training with covariates: a series driven by a known-in-advance promotion flag is forecast far
 * better with the flag than without; the manifest records the covariates, their encodings and
 * imputations; bad covariate options are one-line errors.
 */
class CovariateForecastTest {
    private static final int SERIES = 6;
    private static final int DAYS = 220;
    private static final int H = 14;
    private static final LocalDate START = LocalDate.of(2021, 1, 4);

    @TempDir
    Path dir;

    /** Per series and day: the sales (promotion days lift sales by 60%), the promotion flag and a noisy visits count. */
    private record Day(double sales, boolean promo, double visits) {
    }

    private static List<List<Day>> days() {
        Random random = new Random(17);
        List<List<Day>> all = new ArrayList<>();
        for (int s = 0; s < SERIES; s++) {
            double level = 50 + 40 * s;
            List<Day> series = new ArrayList<>();
            for (int t = 0; t < DAYS + H; t++) {
                boolean promo = random.nextDouble() < 0.3;
                double sales = level * (promo ? 1.6 : 1.0) * (1 + 0.03 * random.nextGaussian());
                series.add(new Day(sales, promo, level * 3 + 5 * random.nextGaussian()));
            }
            all.add(series);
        }
        return all;
    }

    /** The training file: every series' first {@link #DAYS} days; six visits values (days 5, 45, ... of the first shop) are left empty. */
    private Path trainingCsv(List<List<Day>> all) throws Exception {
        StringBuilder sb = new StringBuilder("day,shop,sales,promo,visits\n");
        for (int s = 0; s < SERIES; s++) {
            for (int t = 0; t < DAYS; t++) {
                Day d = all.get(s).get(t);
                String visits = s == 0 && t % 40 == 5 ? "" : String.valueOf(d.visits());
                sb.append(START.plusDays(t)).append(",shop").append(s).append(',').append(d.sales()).append(',')
                        .append(d.promo() ? "TRUE" : "FALSE").append(',').append(visits).append('\n');
            }
        }
        Path p = dir.resolve("shops.csv");
        Files.writeString(p, sb.toString());
        return p;
    }

    private static ForecastRequest request(Path data, String name) {
        return new ForecastRequest(data, "sales", "day", "shop", H, null, Duration.ofSeconds(180), 5, 1, List.of("gbm"), name);
    }

    /** Mean absolute error over every series of the held-out days. */
    private static double error(Forecaster forecaster, List<List<Day>> all, boolean withFuture) {
        double sum = 0;
        for (int s = 0; s < SERIES; s++) {
            List<String> stamps = new ArrayList<>();
            List<String> promo = new ArrayList<>();
            for (int t = DAYS; t < DAYS + H; t++) {
                stamps.add(START.plusDays(t).toString());
                promo.add(all.get(s).get(t).promo() ? "TRUE" : "FALSE");
            }
            ForecastResult r = withFuture ? forecaster.forecast("shop" + s, H, new CovariateRows(stamps, Map.of("promo", promo)))
                    : forecaster.forecast("shop" + s, H);
            for (int h = 0; h < H; h++) {
                sum += Math.abs(r.rows().get(h).prediction() - all.get(s).get(DAYS + h).sales());
            }
        }
        return sum / (SERIES * H);
    }

    @Test
    void aKnownCovariateDrivenSeriesIsForecastMuchBetterWithItAndTheManifestRecordsIt() throws Exception {
        List<List<Day>> all = days();
        Path data = trainingCsv(all);
        FileModelRegistry registry = new FileModelRegistry(dir.resolve("reg"), ModelFormats.discover());
        ForecastTrainer trainer = ForecastTrainer.withAllFamilies(registry, Clock.systemUTC());
        ForecastTrainingResult with = trainer.train(request(data, "with").withCovariates(List.of("promo"), List.of("visits")));
        ForecastTrainingResult without = trainer.train(request(data, "without"));
        assertEquals(List.of("gbm"), List.copyOf(with.weights().keySet()), "gbm fitted in its slot: " + with.log());
        assertEquals(List.of("gbm"), List.copyOf(without.weights().keySet()), "gbm fitted in its slot: " + without.log());
        double withError = error(registry.loadForecaster(ModelRef.parse("with")), all, true);
        double withoutError = error(registry.loadForecaster(ModelRef.parse("without")), all, false);
        assertTrue(withError < 0.5 * withoutError, "MAE with the promotion flag " + withError + " vs without " + withoutError);

        ForecastSpec spec = with.manifest().forecast();
        assertEquals(List.of(new Covariate("promo", CovariateRole.KNOWN, ColumnType.BOOLEAN, List.of()),
                new Covariate("visits", CovariateRole.PAST, ColumnType.NUMERIC, List.of())), spec.covariates());
        assertEquals(2, spec.series().get(0).covariateHistory().length);
        assertEquals(DAYS, spec.series().get(0).covariateHistory()[1].length);
        String notes = String.join("\n", with.notes());
        assertTrue(notes.contains("covariate visits (past-only, numeric): 6 missing value(s) imputed by linear interpolation"),
                notes);
        assertTrue(notes.contains("covariate promo (known in advance, boolean): no missing value"), notes);
        assertTrue(notes.contains("the per-series families [] ignore them"), notes);
        assertTrue(with.manifest().provenance().settings().get("covariates").toString().contains("promo (known in advance"),
                with.manifest().provenance().settings().toString());
        assertTrue(with.manifest().schema().columns().stream().anyMatch(c -> c.name().equals("promo")
                && c.type() == ColumnType.BOOLEAN));
    }

    @Test
    void arimaxReadsTheKnownCovariateFitsInTheEnsembleAndForecastsWithItsFutureValues() throws Exception {
        List<List<Day>> all = days();
        Path data = trainingCsv(all);
        FileModelRegistry registry = new FileModelRegistry(dir.resolve("reg"), ModelFormats.discover());
        ForecastTrainingResult result = ForecastTrainer.withAllFamilies(registry, Clock.systemUTC())
                .train(new ForecastRequest(data, "sales", "day", "shop", H, null, Duration.ofSeconds(120), 5, 1,
                        List.of("seasonal_naive", "arima", ArimaxFamily.ID), "regression", List.of("promo"), List.of()));
        double arimax = result.backtest().get(ArimaxFamily.ID).get("mase");
        assertTrue(arimax < 0.5 * result.backtest().get("arima").get("mase"),
                "the promotion flag drives the sales: " + result.backtest());
        String notes = String.join("\n", result.notes());
        assertTrue(notes.contains("covariates are read by [arimax]; the per-series families [seasonal_naive, arima] ignore them"),
                notes);
        assertTrue(result.manifest().forecast().series().get(0).members().stream()
                .anyMatch(m -> m.model() instanceof io.autogate.runtime.forecast.ArimaxModel), "stored per series");
        Forecaster forecaster = registry.loadForecaster(ModelRef.parse("regression"));
        assertThrows(IllegalArgumentException.class, () -> forecaster.forecast("shop0", H),
                "the model reads promo, so its future values are required");

        ForecastTrainingResult plain = ForecastTrainer.withAllFamilies(registry, Clock.systemUTC())
                .train(new ForecastRequest(data, "sales", "day", "shop", H, null, Duration.ofSeconds(60), 5, 1,
                        List.of("seasonal_naive", "arima", ArimaxFamily.ID), "plain"));
        assertTrue(!plain.backtest().containsKey(ArimaxFamily.ID), plain.backtest().toString());
        assertTrue(String.join("\n", plain.notes()).contains("arimax regresses on known-in-advance covariates and the data"
                + " declares none: not fitted"), plain.notes().toString());
        double withError = error(forecaster, all, true);
        double withoutError = error(registry.loadForecaster(ModelRef.parse("plain")), all, false);
        assertTrue(withError < 0.5 * withoutError, "MAE with the future flags " + withError + " vs without " + withoutError);
    }

    @Test
    void theOptInMstlFamilyAndTheNearBestRuleTrainNextToACovariateGbm() throws Exception {
        List<List<Day>> all = days();
        Path data = trainingCsv(all);
        FileModelRegistry registry = new FileModelRegistry(dir.resolve("reg"), ModelFormats.discover());
        ForecastTrainingResult result = ForecastTrainer.withAllFamilies(registry, Clock.systemUTC())
                .withEnsembleRule(EnsembleRule.TOP3_NEAR_BEST)
                .train(new ForecastRequest(data, "sales", "day", "shop", H, null, Duration.ofSeconds(120), 5, 1,
                        List.of("seasonal_naive", "mstl", "gbm"), "mixed", List.of("promo"), List.of()));
        assertTrue(result.backtest().keySet().containsAll(List.of("seasonal_naive", MstlFamily.ID, "gbm")),
                result.backtest().toString());
        assertEquals(EnsembleRule.TOP3_NEAR_BEST, result.ensembleChoice().rule());
        assertTrue(String.join("\n", result.notes()).contains("the per-series families [seasonal_naive, mstl] ignore them"),
                result.notes().toString());
        // the promotion flag drives the sales: gbm with it beats both covariate-free families on the backtests
        double gbm = result.backtest().get("gbm").get("mase");
        assertTrue(gbm < result.backtest().get(MstlFamily.ID).get("mase") && gbm < result.backtest().get("seasonal_naive")
                .get("mase"), result.backtest().toString());
        double withError = error(registry.loadForecaster(ModelRef.parse("mixed")), all, true);
        assertTrue(Double.isFinite(withError), "forecast with the future flag: " + withError);
    }

    @Test
    void pastOnlyLagsAreAtLeastTheHorizonAndValuesAfterTheOriginNeverChangeAForecast() {
        for (Frequency f : List.of(new Frequency(ChronoUnit.DAYS, 1), new Frequency(ChronoUnit.HOURS, 1),
                new Frequency(ChronoUnit.MINUTES, 30), new Frequency(ChronoUnit.MONTHS, 1))) {
            for (int h : new int[] {1, 5, 14, 24, 48, 100}) {
                GbmFeatures features = GbmFamily.features(f, f.seasonalPeriod(), h, List.of(CovariateRole.PAST));
                int horizon = h;
                assertTrue(Arrays.stream(features.pastLags()).allMatch(l -> l >= horizon), f.id() + " h=" + h);
            }
        }
        Frequency daily = new Frequency(ChronoUnit.DAYS, 1);
        LocalDateTime start = START.atStartOfDay();
        List<List<Day>> all = days();
        List<RegularSeries> train = new ArrayList<>();
        for (int s = 0; s < SERIES; s++) {
            double[] y = new double[DAYS];
            double[] visits = new double[DAYS];
            for (int t = 0; t < DAYS; t++) {
                y[t] = all.get(s).get(t).sales();
                visits[t] = all.get(s).get(t).visits();
            }
            train.add(new RegularSeries("shop" + s, start, y, new double[][] {visits}));
        }
        List<Covariate> covs = List.of(new Covariate("visits", CovariateRole.PAST, ColumnType.NUMERIC, List.of()));
        int[][] origins = train.stream().map(x -> ForecastTrainer.origins(x.values().length, H)).toArray(int[][]::new);
        GlobalGbmModel model = (GlobalGbmModel) new GbmFamily().fit(train, origins, daily, H, covs, 3, 1).model();
        RegularSeries history = train.get(2);
        double[] leaked = Arrays.copyOf(history.covariates()[0], DAYS + H);
        Arrays.fill(leaked, DAYS, DAYS + H, 1e9);
        RegularSeries withFuturePast = new RegularSeries(history.id(), start, history.values(), new double[][] {leaked});
        assertArrayEquals(model.forecast(history, daily, H).mean(), model.forecast(withFuturePast, daily, H).mean(),
                "past-only values after the origin are cut before any feature row is built");
    }

    @Test
    void badCovariateOptionsAreOneLineErrors() throws Exception {
        Path data = trainingCsv(days());
        ForecastTrainer trainer = ForecastTrainer.withAllFamilies(
                new FileModelRegistry(dir.resolve("reg"), ModelFormats.discover()), Clock.systemUTC());
        assertRejected(trainer, request(data, "x").withCovariates(List.of("promos"), List.of()),
                "--known-covariates 'promos' is not a column of the data (did you mean promo");
        assertRejected(trainer, request(data, "x").withCovariates(List.of("sales"), List.of()),
                "--known-covariates 'sales' is the target, not a covariate");
        assertRejected(trainer, request(data, "x").withCovariates(List.of(), List.of("shop")),
                "--past-covariates 'shop' is the series column");
        assertRejected(trainer, request(data, "x").withCovariates(List.of("promo"), List.of("promo")), "named twice");
        ForecastRequest naiveOnly = new ForecastRequest(data, "sales", "day", "shop", H, null, Duration.ofSeconds(5), 5, 1,
                List.of("naive"), "x", List.of("promo"), List.of());
        assertRejected(trainer, naiveOnly, "covariates are read by the global gbm family");
        ForecastRequest pastOnly = new ForecastRequest(data, "sales", "day", "shop", H, null, Duration.ofSeconds(5), 5, 1,
                List.of("arima", ArimaxFamily.ID), "x", List.of(), List.of("visits"));
        assertRejected(trainer, pastOnly, "past-only covariates are read by the global gbm family only");
    }

    private static void assertRejected(ForecastTrainer trainer, ForecastRequest request, String words) {
        BadInputException e = assertThrows(BadInputException.class, () -> trainer.train(request));
        assertTrue(e.getMessage().contains(words), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }
}
