package io.autogate.engine.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.runtime.forecast.Covariate;
import io.autogate.runtime.forecast.ForecastModel;
import io.autogate.runtime.forecast.ForecastResult;
import io.autogate.runtime.forecast.Frequency;
import io.autogate.runtime.forecast.NaiveModel;
import io.autogate.runtime.forecast.PointForecast;
import io.autogate.runtime.forecast.RegularSeries;
import io.autogate.runtime.forecast.SeasonalNaiveModel;
import io.autogate.runtime.forecast.SeriesSpec;
import io.autogate.runtime.model.ModelFormats;
import io.autogate.runtime.registry.FileModelRegistry;
import io.autogate.runtime.registry.ModelRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A member that throws or stalls is excluded and logged; the ensemble still answers. */
class ForecastTrainerTest {
    @TempDir
    Path dir;

    /** A family whose fit always throws. */
    private static final class ThrowingFamily implements ForecastFamily {
        @Override
        public String id() {
            return "broken";
        }

        @Override
        public int minLength(int period) {
            return 2;
        }

        @Override
        public ForecastModel fit(double[] y, int period) {
            throw new IllegalStateException("singular matrix");
        }
    }

    /** A family whose fit never returns on its own. */
    private static final class StallingFamily implements ForecastFamily {
        @Override
        public String id() {
            return "stalls";
        }

        @Override
        public int minLength(int period) {
            return 2;
        }

        @Override
        public ForecastModel fit(double[] y, int period) {
            try {
                new CountDownLatch(1).await(); // nobody counts down: only the slot's interrupt ends it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("interrupted");
        }
    }

    /**
     * Seasonal naive that counts its full fits (a series' first backtest window and the whole
     * series) and its refits (the later windows, each from the window before).
     */
    private static final class CountingFamily implements ForecastFamily {
        private final AtomicInteger fits = new AtomicInteger();
        private final AtomicInteger refits = new AtomicInteger();

        @Override
        public String id() {
            return "counted";
        }

        @Override
        public int minLength(int period) {
            return BenchmarkFamilies.SEASONAL_NAIVE.minLength(period);
        }

        @Override
        public ForecastModel fit(double[] y, int period) {
            fits.incrementAndGet();
            return BenchmarkFamilies.SEASONAL_NAIVE.fit(y, period);
        }

        @Override
        public ForecastModel refit(ForecastModel earlier, RegularSeries series, int period, List<Covariate> covariates) {
            assertTrue(earlier instanceof SeasonalNaiveModel, "a refit starts from the window before: " + earlier);
            refits.incrementAndGet();
            return BenchmarkFamilies.SEASONAL_NAIVE.fit(series.values(), period);
        }
    }

    private Path monthlyCsv() throws Exception {
        StringBuilder sb = new StringBuilder("month,sales\n");
        for (int t = 0; t < 48; t++) {
            sb.append(String.format("%04d-%02d,%.2f%n", 2000 + t / 12, t % 12 + 1, 100 + t + 20 * Math.sin(2 * Math.PI * t / 12)));
        }
        Path p = dir.resolve("sales.csv");
        Files.writeString(p, sb.toString());
        return p;
    }

    @Test
    void failingAndStallingMembersAreExcludedAndTheEnsembleAnswers() throws Exception {
        FileModelRegistry registry = new FileModelRegistry(dir.resolve("reg"), ModelFormats.discover());
        List<ForecastFamily> families = List.of(new ThrowingFamily(), new StallingFamily(), BenchmarkFamilies.SEASONAL_NAIVE,
                new EtsFamily());
        long start = System.nanoTime();
        List<double[]> progress = new ArrayList<>();
        ForecastTrainingResult r = new ForecastTrainer(families, registry, Clock.systemUTC())
                .withProgress((done, total, best, elapsed) -> progress.add(new double[] {done, total, best, elapsed}))
                .train(new ForecastRequest(monthlyCsv(), "sales", "month", null, 6, null, Duration.ofSeconds(3), 1, 2,
                        List.of(), "sales"));
        double seconds = (System.nanoTime() - start) / 1e9;
        // every fit is reported once as it finishes, the failed and overrun ones too
        assertEquals(List.of(1.0, 2.0, 3.0, 4.0), progress.stream().map(p -> p[0]).toList());
        assertTrue(progress.stream().allMatch(p -> p[1] == 4), "4 families x 1 series");
        double bestFamily = r.backtest().entrySet().stream().filter(e -> !e.getKey().equals("ensemble"))
                .mapToDouble(e -> e.getValue().get("mase")).filter(Double::isFinite).min().orElseThrow();
        assertEquals(bestFamily, progress.get(3)[2], 1e-12, "the best so far ends as the best family's backtest MASE");
        assertTrue(progress.get(3)[3] >= progress.get(0)[3] && progress.get(3)[3] < 10, "elapsed seconds grow");
        assertTrue(seconds < 10, "stalled member stopped by its slot, took " + seconds);
        String log = String.join("\n", r.log());
        assertTrue(log.contains("broken on series (single) excluded: failed (IllegalStateException: singular matrix)"), log);
        assertTrue(log.contains("stalls on series (single) excluded: overran its time slot"), log);
        SeriesSpec series = r.manifest().forecast().series().get(0);
        assertTrue(series.members().stream().noneMatch(m -> m.family().equals("broken") || m.family().equals("stalls")));
        assertTrue(r.backtest().get("ensemble").get("mase") <= r.backtest().get("seasonal_naive").get("mase") + 1e-9);
        ForecastResult f = registry.loadForecaster(ModelRef.parse("sales")).forecast("", 6);
        assertEquals(6, f.rows().size());
        assertEquals("2004-01", f.rows().get(0).timestamp());
        assertTrue(f.rows().stream().allMatch(row -> row.lower95() <= row.lower80() && row.lower80() <= row.prediction()
                && row.prediction() <= row.upper80() && row.upper80() <= row.upper95()));
    }

    /** Fits like ETS in the first run, then always throws, under the same family id. */
    private static final class EtsThatBreaks implements ForecastFamily {
        private final EtsFamily ets = new EtsFamily();
        private volatile boolean broken;

        @Override
        public String id() {
            return ets.id();
        }

        @Override
        public int minLength(int period) {
            return ets.minLength(period);
        }

        @Override
        public ForecastModel fit(double[] y, int period) {
            if (broken) {
                throw new IllegalStateException("optimiser diverged");
            }
            return ets.fit(y, period);
        }
    }

    @Test
    void aLaterRunReusesTheLastGoodFitOfAFailingMember() throws Exception {
        FileModelRegistry registry = new FileModelRegistry(dir.resolve("reg"), ModelFormats.discover());
        EtsThatBreaks ets = new EtsThatBreaks();
        ForecastTrainer trainer = new ForecastTrainer(List.of(ets), registry, Clock.systemUTC());
        ForecastRequest request = new ForecastRequest(monthlyCsv(), "sales", "month", null, 6, null, Duration.ofSeconds(10), 1,
                1, List.of(), "sales");
        ForecastTrainingResult first = trainer.train(request);
        ForecastModel good = first.manifest().forecast().series().get(0).members().get(0).model();
        ets.broken = true;
        ForecastTrainingResult second = trainer.train(request);
        String log = String.join("\n", second.log());
        assertTrue(log.contains("ets on series (single) excluded: failed (IllegalStateException: optimiser diverged); "
                + "reused its last good fit from sales@1"), log);
        assertTrue(second.notes().contains("1 failed or overrun member fit(s) replaced by their last good fit from sales@1"),
                second.notes().toString());
        SeriesSpec series = second.manifest().forecast().series().get(0);
        assertEquals(List.of("ets"), series.members().stream().map(m -> m.family()).toList());
        assertEquals(good.describe(), series.members().get(0).model().describe());
        assertTrue(Double.isFinite(second.backtest().get("ets").get("mase")), "the reused fit is backtested");
        ForecastTrainingResult other = trainer.train(new ForecastRequest(monthlyCsv(), "sales", "month", null, 6, null,
                Duration.ofSeconds(10), 1, 1, List.of(), "fresh"));
        assertTrue(String.join("\n", other.log()).endsWith("optimiser diverged)"), "no earlier version: nothing to reuse");
    }

    @Test
    void subDailyDataForecastADayAheadIsBacktestedOverAWeekOfWindowsOtherDataOverUpToTen() throws Exception {
        assertEquals(7, ForecastTrainer.backtestWindows(Frequency.parse("30min"), 48));
        assertEquals(7, ForecastTrainer.backtestWindows(Frequency.parse("1h"), 6));
        assertEquals(10, ForecastTrainer.backtestWindows(Frequency.parse("1h"), 25), "more than a day ahead");
        assertEquals(10, ForecastTrainer.backtestWindows(Frequency.parse("1d"), 1), "a step of a day is not sub-daily");
        assertEquals(10, ForecastTrainer.backtestWindows(Frequency.parse("1mo"), 12));
        StringBuilder sb = new StringBuilder("time,load\n");
        for (int t = 0; t < 20 * 48; t++) {
            sb.append(String.format("2024-03-%02dT%02d:%02d,%.2f%n", 1 + t / 48, t % 48 / 2, t % 2 * 30,
                    100 + 30 * Math.sin(2 * Math.PI * t / 48) + t % 7));
        }
        Path csv = dir.resolve("load.csv");
        Files.writeString(csv, sb.toString());
        FileModelRegistry registry = new FileModelRegistry(dir.resolve("reg"), ModelFormats.discover());
        for (int cap : new int[] {0, 3}) {
            CountingFamily counted = new CountingFamily();
            ForecastTrainer trainer = new ForecastTrainer(List.of(counted), registry, Clock.systemUTC());
            ForecastTrainingResult r = (cap == 0 ? trainer : trainer.withMaxWindows(cap)).train(new ForecastRequest(csv, "load",
                    "time", null, 48, null, Duration.ofSeconds(20), 1, 1, List.of(), "load"));
            int windows = cap == 0 ? ForecastTrainer.SUB_DAILY_WINDOWS : cap;
            assertEquals(2, counted.fits.get(), "full fits on the first backtest window and on the whole series");
            assertEquals(windows - 1, counted.refits.get(), "the later windows refit from the window before");
            assertEquals(windows, r.manifest().provenance().settings().get("backtest_windows"));
        }
    }

    @Test
    void theBudgetCapsTheWindowsAtWhatItCanRefit() throws Exception {
        Duration minute = Duration.ofSeconds(60);
        Frequency daily = Frequency.parse("1d");
        assertEquals(10, ForecastTrainer.backtestWindows(daily, 14, 2_514, minute), "chicago: one series of 2,514 days");
        assertEquals(9, ForecastTrainer.backtestWindows(daily, 14, 40_000, minute), "10 fits of 40,000 steps a minute");
        assertEquals(3, ForecastTrainer.backtestWindows(daily, 14, 100_000, minute), "100 series of 1,000 days: as before");
        assertEquals(7, ForecastTrainer.backtestWindows(daily, 14, 100_000, Duration.ofSeconds(120)), "a larger budget");
        assertEquals(3, ForecastTrainer.backtestWindows(daily, 14, 10_000_000, minute), "never fewer than 3");
        assertEquals(7, ForecastTrainer.backtestWindows(Frequency.parse("30min"), 48, 35_088, minute),
                "electricity's two years of half-hours keep their week of windows");
        StringBuilder sb = new StringBuilder("day,store,sales\n");
        for (String store : List.of("a", "b")) {
            for (int t = 0; t < 2_000; t++) {
                sb.append(java.time.LocalDate.of(2015, 1, 1).plusDays(t)).append(',').append(store).append(',')
                        .append(100 + 10 * (t % 7) + t % 5).append('\n');
            }
        }
        Path csv = dir.resolve("stores.csv");
        Files.writeString(csv, sb.toString());
        FileModelRegistry registry = new FileModelRegistry(dir.resolve("reg"), ModelFormats.discover());
        for (int seconds : new int[] {60, 2}) {
            CountingFamily counted = new CountingFamily();
            ForecastTrainingResult r = new ForecastTrainer(List.of(counted), registry, Clock.systemUTC()).train(
                    new ForecastRequest(csv, "sales", "day", "store", 14, null, Duration.ofSeconds(seconds), 1, 1, List.of(),
                            "stores"));
            int windows = seconds == 60 ? 10 : 3;
            assertEquals(windows, r.manifest().provenance().settings().get("backtest_windows"));
            assertEquals(2 * (windows - 1), counted.refits.get(), "each series refits every window but its first");
            boolean noted = r.notes().contains("up to 3 backtest windows, not 10: each refits 4000 steps and the 2 s budget"
                    + " allows 400000 a minute; a larger --budget gives more");
            assertEquals(seconds == 2, noted, r.notes().toString());
        }
    }

    /** A global family forecasting each backtest window with its series' own values after the origin; records its input. */
    private static final class OracleGlobal implements GlobalForecastFamily {
        final List<Integer> lengths = new ArrayList<>();
        int[][] origins;

        @Override
        public String id() {
            return "oracle";
        }

        @Override
        public GlobalFit fit(List<RegularSeries> series, int[][] origins, Frequency frequency, int horizon,
                List<Covariate> covariates, long seed, int threads) {
            this.origins = origins;
            MemberFit[] perSeries = new MemberFit[series.size()];
            for (int s = 0; s < series.size(); s++) {
                double[] y = series.get(s).values();
                lengths.add(y.length);
                PointForecast[] windows = new PointForecast[origins[s].length];
                for (int w = 0; w < windows.length; w++) {
                    double[] sd = new double[horizon];
                    Arrays.fill(sd, 1);
                    windows[w] = new PointForecast(Arrays.copyOfRange(y, origins[s][w], origins[s][w] + horizon), sd);
                }
                perSeries[s] = new MemberFit(windows, new NaiveModel());
            }
            return new GlobalFit(new NaiveModel(), perSeries, List.of());
        }
    }

    @Test
    void globalFamiliesReadTheLongerHistoryOnTheSameBacktestWindows() throws Exception {
        StringBuilder sb = new StringBuilder("time,load\n");
        for (int t = 0; t < 400; t++) {
            sb.append(String.format("2024-03-%02dT%02d:00,%.2f%n", 1 + t / 24, t % 24, 100 + 30 * Math.sin(2 * Math.PI * t / 24)
                    + t % 7));
        }
        Path csv = dir.resolve("hourly.csv");
        Files.writeString(csv, sb.toString());
        OracleGlobal oracle = new OracleGlobal();
        ForecastTrainingResult r = new ForecastTrainer(List.of(BenchmarkFamilies.NAIVE), List.of(oracle),
                new FileModelRegistry(dir.resolve("reg"), ModelFormats.discover()), Clock.systemUTC()).withMaxHistory(100)
                .train(new ForecastRequest(csv, "load", "time", null, 6, null, Duration.ofSeconds(20), 1, 1, List.of(), "hourly"));
        assertEquals(List.of(400), oracle.lengths, "the global family reads the whole series");
        int[] local = ForecastTrainer.origins(100, 6, ForecastTrainer.SUB_DAILY_WINDOWS);
        org.junit.jupiter.api.Assertions.assertArrayEquals(Arrays.stream(local).map(o -> o + 300).toArray(), oracle.origins[0]);
        assertEquals(0.0, r.backtest().get("oracle").get("mase"), 1e-12, "its windows are the ones scored: " + r.backtest());
        assertTrue(r.backtest().get("naive").get("mase") > 0.1, r.backtest().toString());
        assertEquals(100, r.manifest().forecast().series().get(0).history().length, "the artifact keeps the per-series history");
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("the global families read up to 13333 steps of each series (at"
                + " most 731 days, 40000 steps over all series per minute of budget), more than the per-series families' last"
                + " 100 on 1 series")), r.notes().toString());
        assertTrue(r.notes().contains("1 series longer than 100 steps: only the last 100 are used"), r.notes().toString());
    }

    @Test
    void originsRollOneHorizonApartEndingAtTheData() {
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {70, 75, 80}, ForecastTrainer.origins(85, 5));
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {3}, ForecastTrainer.origins(8, 5));
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[0], ForecastTrainer.origins(5, 5));
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {50, 60, 70, 80, 90}, ForecastTrainer.origins(100, 10, 8),
                "windows past the third keep half the series to fit on");
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {3, 6, 9}, ForecastTrainer.origins(12, 3, 8));
    }
}
