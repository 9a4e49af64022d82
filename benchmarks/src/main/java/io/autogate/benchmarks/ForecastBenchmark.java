package io.autogate.benchmarks;

import io.autogate.engine.data.SeriesData;
import io.autogate.engine.data.Table;
import io.autogate.engine.forecast.ForecastFamilies;
import io.autogate.engine.forecast.EnsembleRule;
import io.autogate.engine.forecast.ForecastFamily;
import io.autogate.engine.forecast.ForecastRequest;
import io.autogate.engine.forecast.ForecastScores;
import io.autogate.engine.forecast.ForecastTrainer;
import io.autogate.engine.forecast.ForecastTrainingResult;
import io.autogate.engine.forecast.GlobalForecastFamily;
import io.autogate.engine.forecast.GlobalHistory;
import io.autogate.engine.ingest.CsvReader;
import io.autogate.engine.ingest.TimeSeriesLoader;
import io.autogate.runtime.forecast.Covariate;
import io.autogate.runtime.forecast.CovariateRole;
import io.autogate.runtime.forecast.CovariateRows;
import io.autogate.runtime.forecast.ForecastModel;
import io.autogate.runtime.forecast.ForecastResult;
import io.autogate.runtime.forecast.ForecastRow;
import io.autogate.runtime.forecast.Forecaster;
import io.autogate.runtime.forecast.PointForecast;
import io.autogate.runtime.forecast.RegularSeries;
import io.autogate.runtime.model.ModelFormats;
import io.autogate.runtime.registry.FileModelRegistry;
import io.autogate.runtime.registry.ModelRef;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The forecasting benchmark: per dataset, hold out the last horizon of every series, train the
 * ensemble on the rest with {@link ForecastTrainer} (the code {@code train --task forecast} runs)
 * and score its forecasts, seasonal naive's and each family's alone (fitted on the same training
 * part; a family that fails on a series is scored with seasonal naive there, and counted).
 * Appends one markdown block per dataset to the output file.
 *
 * <p>usage: {@code ForecastBenchmark DATASETS_DIR OUT.md budgetSeconds name[,name...] [validate | origins K]}
 */
public final class ForecastBenchmark {
    /**
     * A dataset: its file, time and target columns, the columns whose values make the series key,
     * the horizon, the budget, and the covariates the benchmark declares: known in advance
     * (their actual held-out values are given as the future values) and past-only.
     */
    record Spec(String name, String file, String time, String target, List<String> keys, int horizon, int budget,
            List<String> known, List<String> past) {
        Spec(String name, String file, String time, String target, List<String> keys, int horizon, int budget) {
            this(name, file, time, target, keys, horizon, budget, List.of(), List.of());
        }

        boolean hasCovariates() {
            return !known.isEmpty() || !past.isEmpty();
        }
    }

    static final List<Spec> SPECS = List.of(
            new Spec("airline", "airline-passengers.csv", "month", "passengers", List.of(), 12, 60),
            new Spec("shampoo", "shampoo-sales.csv", "month", "sales", List.of(), 6, 60),
            new Spec("melbourne", "daily-min-temperatures-melbourne.csv", "date", "temp", List.of(), 14, 60),
            new Spec("sunspots", "monthly-sunspots.csv", "month", "sunspots", List.of(), 12, 60),
            new Spec("tourism", "australia-tourism-quarterly.csv", "Quarter", "Trips", List.of("Region", "State", "Purpose"), 8, 120),
            // bus + rail_boardings = total_rides: never known in advance
            new Spec("chicago", "chicago-transit-ridership.csv", "date", "total_rides", List.of(), 14, 60, List.of("day_type"),
                    List.of()),
            // the actual temperature stands for a weather forecast (oracle weather, as in FPP3's treatment of this data)
            new Spec("electricity", "victoria-electricity-demand.csv", "Time", "Demand", List.of(), 48, 60,
                    List.of("Temperature", "Holiday"), List.of()),
            new Spec("ett-h1", "ett-h1.csv", "date", "OT", List.of(), 24, 60, List.of(),
                    List.of("HUFL", "HULL", "MUFL", "MULL", "LUFL", "LULL")));

    private ForecastBenchmark() {
    }

    /** Runs the named datasets. */
    public static void main(String[] args) throws Exception {
        Path datasets = Path.of(args[0]);
        Path out = Path.of(args[1]);
        List<String> names = List.of(args[3].split(","));
        if (args.length > 4) {
            String table = switch (args[4]) {
                case "validate" -> validate(datasets, names);
                case "origins" -> ForecastOrigins.run(datasets, names, ForecastOrigins.origins(args[5]), ForecastOrigins.CONFIGS);
                case "windows" -> ForecastOrigins.run(datasets, names, ForecastOrigins.origins(args[5]),
                        ForecastOrigins.WINDOW_CONFIGS);
                default -> throw new IllegalArgumentException("unknown mode " + args[4]);
            };
            System.out.println(table);
            Files.writeString(out, table + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            return;
        }
        for (Spec spec : SPECS) {
            if (names.contains(spec.name())) {
                String block = run(spec, datasets, Integer.parseInt(args[2]) > 0 && !spec.name().equals("tourism")
                        ? Integer.parseInt(args[2]) : spec.budget());
                System.out.println(block);
                Files.writeString(out, block + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
            }
        }
    }

    /**
     * An ensemble configuration compared by {@link #validate}: trainer settings, the families named
     * (none: the defaults), the steps of history per series the trainer keeps, a multiple of the
     * dataset's budget (more than 1 only to see what a member that overran its slot would have done),
     * and whether the dataset's covariates are declared.
     */
    record Config(String name, UnaryOperator<ForecastTrainer> trainer, List<String> families, int history,
            int budgetFactor, boolean covariates) {
        Config(String name, List<String> families, boolean covariates) {
            this(name, UnaryOperator.identity(), families, ForecastTrainer.MAX_HISTORY, 1, covariates);
        }
    }

    /** The default families before arimax, for the configuration that leaves it out. */
    private static final List<String> WITHOUT_ARIMAX = List.of("naive", "seasonal_naive", "drift", "mean", "theta", "ets",
            "arima", "gbm");

    /** The ensemble configurations compared by {@link #validate}: the covariate round (see forecast-validation.md). */
    private static final List<Config> CONFIGS = List.of(
            new Config("default, no covariates", List.of(), false),
            new Config("default without arimax, covariates", WITHOUT_ARIMAX, true),
            new Config("default (with arimax), covariates", List.of(), true));

    /**
     * Compares the ensemble configurations without the benchmark's holdout: every series loses
     * its last horizon (the holdout, never read), and each configuration is trained and scored
     * on the horizon before it (the validation window); covariates are cut with the values, so the
     * known ones' future values are those of the validation window.
     */
    private static String validate(Path datasets, List<String> names) throws Exception {
        StringBuilder sb = new StringBuilder("| dataset | seasonal naive |");
        CONFIGS.forEach(c -> sb.append(' ').append(c.name()).append(" |"));
        sb.append("\n|---|---|").append("---|".repeat(CONFIGS.size())).append('\n');
        double[] logRatio = new double[CONFIGS.size()];
        int[] beats = new int[CONFIGS.size()];
        int count = 0;
        for (Spec spec : SPECS) {
            if (!names.contains(spec.name())) {
                continue;
            }
            int history = CONFIGS.stream().mapToInt(Config::history).max().orElseThrow();
            SeriesData full = load(spec, datasets, history, 2 * spec.horizon());
            SeriesData data = withoutLast(full, spec.horizon());
            int period = data.frequency().seasonalPeriod();
            Holdout first = null;
            sb.append("| ").append(spec.name()).append(" | ");
            List<String> cells = new ArrayList<>();
            double[] mase = new double[CONFIGS.size()];
            for (int c = 0; c < CONFIGS.size(); c++) {
                Config config = CONFIGS.get(c);
                Holdout r = trainAndScore(spec, data, spec.budget() * config.budgetFactor(), config.trainer(),
                        config.families(), config.covariates() && spec.hasCovariates(), config.history());
                first = first == null ? r : first;
                mase[c] = r.ensemble().mase();
                int excluded = r.result().log().size();
                r.result().log().forEach(line -> System.out.println(spec.name() + ", " + config.name() + ": " + line));
                cells.add(String.format(Locale.ROOT, "%.3f (%.0fs%s)", mase[c], r.wall(),
                        excluded == 0 ? "" : ", " + excluded + " excluded"));
            }
            ForecastScores naive = seasonalNaive(first, spec.horizon(), period);
            for (int c = 0; c < CONFIGS.size(); c++) {
                logRatio[c] += Math.log(mase[c] / naive.mase());
                beats[c] += mase[c] < naive.mase() ? 1 : 0;
            }
            count++;
            sb.append(String.format(Locale.ROOT, "%.3f | ", naive.mase())).append(String.join(" | ", cells)).append(" |\n");
        }
        sb.append("| geometric mean MASE / seasonal naive | 1 |");
        for (int c = 0; c < CONFIGS.size(); c++) {
            sb.append(String.format(Locale.ROOT, " %.3f (beats s.naive on %d/%d) |", Math.exp(logRatio[c] / count), beats[c], count));
        }
        return sb.append('\n').toString();
    }

    /** {@code data} with the last {@code steps} of every series (and of its covariates) cut off. */
    static SeriesData withoutLast(SeriesData data, int steps) {
        List<RegularSeries> cut = data.series().stream().map(x -> cut(x, x.values().length - steps)).toList();
        return new SeriesData(cut, data.frequency(), data.timeFormat(), data.rows(), data.notes(), data.covariates());
    }

    /** Seasonal naive's scores on the held-out parts of {@code run}, fitted on its training parts. */
    static ForecastScores seasonalNaive(Holdout run, int horizon, int period) {
        ForecastFamily seasonalNaive = ForecastFamilies.select(ForecastFamilies.all(), List.of("seasonal_naive")).get(0);
        ForecastScores naive = new ForecastScores();
        for (int i = 0; i < run.trainParts().size(); i++) {
            double[] y = run.trainParts().get(i);
            add(naive, seasonalNaive.fit(y, period).forecast(y, horizon), y, run.tests().get(i), period);
        }
        return naive;
    }

    /** The first {@code n} steps of a series, its covariates cut there too. */
    private static RegularSeries cut(RegularSeries s, int n) {
        double[][] covariates = Arrays.stream(s.covariates()).map(row -> Arrays.copyOf(row, n)).toArray(double[][]::new);
        return new RegularSeries(s.id(), s.start(), Arrays.copyOf(s.values(), n), covariates);
    }

    /**
     * The dataset's series, each cut to its most recent {@code extra} steps plus what a trainer
     * keeping {@code history} steps reads ({@link GlobalHistory#most}: more for the global family
     * on sub-daily data).
     */
    static SeriesData load(Spec spec, Path datasets, int history, int extra) throws Exception {
        Table table = withKey(CsvReader.read(datasets.resolve(spec.file())), spec.keys());
        String seriesColumn = spec.keys().isEmpty() ? null : "series";
        SeriesData all = TimeSeriesLoader.load(table, spec.target(), spec.time(), seriesColumn, spec.known(), spec.past(),
                null, Integer.MAX_VALUE);
        return all.lastSteps(GlobalHistory.most(all.frequency(), history) + extra);
    }

    private static String run(Spec spec, Path datasets, int budget) throws Exception {
        SeriesData data = load(spec, datasets, ForecastTrainer.MAX_HISTORY, spec.horizon());
        int h = spec.horizon();
        int period = data.frequency().seasonalPeriod();
        int history = ForecastTrainer.MAX_HISTORY;
        Holdout run = trainAndScore(spec, data, budget, UnaryOperator.identity(), List.of(), true, history);
        Holdout plain = spec.hasCovariates()
                ? trainAndScore(spec, data, budget, UnaryOperator.identity(), List.of(), false, history) : null;
        List<double[]> trainParts = run.trainParts();
        List<double[]> tests = run.tests();
        ForecastScores ensemble = run.ensemble();
        ForecastTrainingResult result = run.result();
        double wall = run.wall();
        Map<String, ForecastScores> alone = new LinkedHashMap<>();
        Map<String, Integer> failures = new LinkedHashMap<>();
        Map<String, Double> seconds = new LinkedHashMap<>();
        ForecastFamily seasonalNaive = ForecastFamilies.select(ForecastFamilies.all(), List.of("seasonal_naive")).get(0);
        List<RegularSeries> heads = new ArrayList<>();
        List<RegularSeries> globalHeads = new ArrayList<>();
        int globalHistory = GlobalHistory.steps(data.frequency(), history, data.series().size(), Duration.ofSeconds(budget));
        for (RegularSeries s : data.series()) {
            RegularSeries before = s.head(s.values().length - h, data.covariateRoles());
            heads.add(before.tail(history, data.frequency()));
            globalHeads.add(before.tail(globalHistory, data.frequency()));
        }
        boolean known = data.covariateRoles().contains(CovariateRole.KNOWN);
        for (ForecastFamily f : ForecastFamilies.all()) {
            if (!f.appliesTo(data.frequency()) || f.readsKnownCovariates() && !known) {
                continue;
            }
            ForecastScores scores = new ForecastScores();
            int failed = 0;
            long f0 = System.nanoTime();
            for (int s = 0; s < trainParts.size(); s++) {
                double[] y = trainParts.get(s);
                PointForecast pf;
                try {
                    pf = f.forFrequency(data.frequency()).fit(heads.get(s), period, data.covariates())
                            .forecast(heads.get(s), data.frequency(), h);
                } catch (RuntimeException e) {
                    failed++;
                    pf = seasonalNaive.fit(y, period).forecast(y, h);
                }
                add(scores, pf, y, tests.get(s), period);
            }
            seconds.put(f.id(), (System.nanoTime() - f0) / 1e9);
            alone.put(f.id(), scores);
            failures.put(f.id(), failed);
        }
        for (GlobalForecastFamily g : ForecastFamilies.global()) {
            if (spec.hasCovariates()) {
                List<RegularSeries> bare = globalHeads.stream().map(x -> new RegularSeries(x.id(), x.start(), x.values()))
                        .toList();
                globalAlone(g, bare, List.of(), data, h, period, trainParts, tests, g.id() + " without covariates", alone,
                        failures, seconds);
            }
            globalAlone(g, globalHeads, data.covariates(), data, h, period, trainParts, tests, g.id(), alone, failures,
                    seconds);
        }
        return report(spec, data, h, period, budget, ensemble, plain, wall, alone, failures, seconds, result);
    }

    /** Fits a global family alone on the training parts and scores it on the holdout under {@code name}. */
    private static void globalAlone(GlobalForecastFamily g, List<RegularSeries> heads, List<Covariate> covariates,
            SeriesData data, int h, int period, List<double[]> trainParts, List<double[]> tests, String name,
            Map<String, ForecastScores> alone, Map<String, Integer> failures, Map<String, Double> seconds) {
        ForecastFamily seasonalNaive = ForecastFamilies.select(ForecastFamilies.all(), List.of("seasonal_naive")).get(0);
        ForecastScores scores = new ForecastScores();
        int failed = 0;
        long g0 = System.nanoTime();
        int[][] origins = heads.stream().map(x -> ForecastTrainer.origins(x.values().length, h)).toArray(int[][]::new);
        ForecastModel model = g.fit(heads, origins, data.frequency(), h, covariates, 42,
                Math.max(1, Runtime.getRuntime().availableProcessors())).model();
        for (int s = 0; s < heads.size(); s++) {
            double[] y = trainParts.get(s);
            PointForecast pf;
            if (y.length >= model.minLength()) {
                pf = model.forecast(heads.get(s), data.frequency(), h);
            } else {
                failed++;
                pf = seasonalNaive.fit(y, period).forecast(y, h);
            }
            add(scores, pf, y, tests.get(s), period);
        }
        seconds.put(name, (System.nanoTime() - g0) / 1e9);
        alone.put(name, scores);
        failures.put(name, failed);
    }

    /** The ensemble's holdout figures, the trainer's result, the wall time, and the training and held-out parts. */
    record Holdout(ForecastScores ensemble, ForecastTrainingResult result, double wall, List<double[]> trainParts,
            List<double[]> tests) {
    }

    /**
     * Holds out the last horizon of every series, trains the ensemble (trainer configured by
     * {@code config}, over the named {@code families}, none: the defaults) on the most recent
     * {@code history} steps before it (more for the global family, {@link GlobalHistory}: the
     * file holds those steps and the trainer cuts the per-series families' part) and scores it
     * (the MASE scale, and the training parts
     * returned, are always the last {@link ForecastTrainer#MAX_HISTORY} steps, so figures compare
     * across histories). With {@code covariates} the training file carries the data's covariate
     * columns, the trainer declares them, and each forecast gets the held-out values of the known
     * covariates as their future values.
     */
    static Holdout trainAndScore(Spec spec, SeriesData data, int budget, UnaryOperator<ForecastTrainer> config,
            List<String> families, boolean covariates, int history) throws Exception {
        List<Covariate> covs = covariates ? data.covariates() : List.of();
        int h = spec.horizon();
        int period = data.frequency().seasonalPeriod();
        int rows = GlobalHistory.most(data.frequency(), history);
        Path work = Files.createTempDirectory("forecast-bench-");
        try {
            Path train = work.resolve(spec.name() + "-train.csv");
            List<double[]> trainParts = new ArrayList<>();
            List<double[]> tests = new ArrayList<>();
            StringBuilder csv = new StringBuilder("time,series,value");
            covs.forEach(c -> csv.append(',').append(c.name()));
            csv.append('\n');
            for (RegularSeries s : data.series()) {
                double[] y = s.values();
                trainParts.add(Arrays.copyOfRange(y, Math.max(0, y.length - h - ForecastTrainer.MAX_HISTORY), y.length - h));
                tests.add(Arrays.copyOfRange(y, y.length - h, y.length));
                for (int t = Math.max(0, y.length - h - rows); t < y.length - h; t++) {
                    csv.append(data.timeFormat().format(data.frequency().plus(s.start(), t))).append(',')
                            .append(s.id().replace(',', ';')).append(',').append(y[t]);
                    for (int c = 0; c < covs.size(); c++) {
                        csv.append(',').append(covs.get(c).decode(s.covariates()[c][t]));
                    }
                    csv.append('\n');
                }
            }
            Files.writeString(train, csv.toString(), StandardCharsets.UTF_8);
            FileModelRegistry registry = new FileModelRegistry(work.resolve("registry"), ModelFormats.discover());
            long t0 = System.nanoTime();
            ForecastTrainingResult result = config.apply(ForecastTrainer.withAllFamilies(registry, Clock.systemUTC())).train(
                    new ForecastRequest(train, "value", "time", "series", h, data.frequency(), Duration.ofSeconds(budget), 42,
                            Math.max(1, Runtime.getRuntime().availableProcessors()), families, spec.name())
                            .withCovariates(covariates ? spec.known() : List.of(), covariates ? spec.past() : List.of()));
            Forecaster forecaster = registry.loadForecaster(ModelRef.parse(spec.name()));
            ForecastScores ensemble = new ForecastScores();
            for (int s = 0; s < data.series().size(); s++) {
                ForecastResult r = forecaster.forecast(data.series().get(s).id().replace(',', ';'), h,
                        heldOutFuture(data.series().get(s), covs, data, h));
                double[] mean = r.rows().stream().mapToDouble(ForecastRow::prediction).toArray();
                double[] sd = new double[h];
                for (int i = 0; i < h; i++) {
                    sd[i] = (r.rows().get(i).upper95() - r.rows().get(i).prediction()) / PointForecast.z(0.95);
                }
                add(ensemble, new PointForecast(mean, sd), trainParts.get(s), tests.get(s), period);
            }
            return new Holdout(ensemble, result, (System.nanoTime() - t0) / 1e9, trainParts, tests);
        } finally {
            Folders.deleteTree(work);
        }
    }

    /** The held-out values of the known covariates over the last {@code h} steps, as future rows. */
    private static CovariateRows heldOutFuture(RegularSeries s, List<Covariate> covs, SeriesData data, int h) {
        int n = s.values().length;
        List<String> stamps = new ArrayList<>();
        for (int t = n - h; t < n; t++) {
            stamps.add(data.timeFormat().format(data.frequency().plus(s.start(), t)));
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (int c = 0; c < covs.size(); c++) {
            if (covs.get(c).role() == CovariateRole.KNOWN) {
                List<String> column = new ArrayList<>();
                for (int t = n - h; t < n; t++) {
                    column.add(covs.get(c).decode(s.covariates()[c][t]));
                }
                values.put(covs.get(c).name(), column);
            }
        }
        return new CovariateRows(stamps, values);
    }

    static void add(ForecastScores scores, PointForecast f, double[] train, double[] test, int period) {
        double scale = ForecastScores.scale(train, train.length, period);
        if (Double.isFinite(scale)) {
            scores.add(f, test, scale);
        }
    }

    private static Table withKey(Table table, List<String> keys) {
        if (keys.isEmpty()) {
            return table;
        }
        int[] idx = keys.stream().mapToInt(table.header()::indexOf).toArray();
        List<String> header = new ArrayList<>(table.header());
        header.add("series");
        List<String[]> rows = new ArrayList<>(table.rows().size());
        for (String[] r : table.rows()) {
            String[] row = Arrays.copyOf(r, r.length + 1);
            StringBuilder key = new StringBuilder();
            for (int i : idx) {
                key.append(key.length() == 0 ? "" : "|").append(r[i]);
            }
            row[r.length] = key.toString();
            rows.add(row);
        }
        return new Table(header, rows, table.lineNumbers());
    }

    private static String report(Spec spec, SeriesData data, int h, int period, int budget, ForecastScores ensemble,
            Holdout plain, double wall, Map<String, ForecastScores> alone, Map<String, Integer> failures,
            Map<String, Double> seconds, ForecastTrainingResult result) {
        StringBuilder sb = new StringBuilder();
        Map<String, Double> e = ensemble.toMap();
        String best = alone.entrySet().stream().filter(a -> !a.getKey().endsWith(" without covariates")).min(Map.Entry.comparingByValue(
                java.util.Comparator.comparingDouble(ForecastScores::mase))).orElseThrow().getKey();
        double snaive = alone.get("seasonal_naive").mase();
        sb.append(String.format(Locale.ROOT, "### %s (%d series, frequency %s, m=%d, horizon %d, budget %ds)%n%n", spec.name(),
                data.series().size(), data.frequency().id(), period, h, budget));
        if (!data.covariates().isEmpty()) {
            sb.append("covariates: ").append(data.covariates().stream().map(Covariate::describe).toList())
                    .append(" (gbm, and arimax for the known ones; the other families ignore them)\n\n");
        }
        sb.append(String.format(Locale.ROOT, "ensemble %s; weights %s; %d member(s) excluded; wall %.1fs (train + forecast)%n%n",
                e.get("mase") < snaive ? "beats seasonal naive" : "does NOT beat seasonal naive", result.weights(),
                result.log().size(), wall));
        StringBuilder candidates = new StringBuilder();
        result.ensembleChoice().scores().forEach((rule, score) -> candidates.append(candidates.length() == 0 ? "" : ", ")
                .append(rule).append(String.format(Locale.ROOT, " %.3f", score)));
        sb.append("ensemble rule: **").append(result.ensembleChoice().rule().id()).append("** (")
                .append(result.ensembleChoice().method())
                .append(candidates.length() == 0 ? "" : "; chosen on the backtests from: " + candidates).append(")\n\n");
        StringBuilder backtest = new StringBuilder();
        result.backtest().forEach((family, figures) -> backtest.append(backtest.length() == 0 ? "" : ", ").append(family)
                .append(String.format(Locale.ROOT, " %.3f", figures.get("mase"))));
        sb.append("backtest MASE on the training part (what the ensemble was chosen on): ").append(backtest).append("\n\n");
        String selected = result.backtest().entrySet().stream().filter(x -> !x.getKey().equals("ensemble"))
                .min(Map.Entry.comparingByValue(java.util.Comparator.comparingDouble(x -> x.get("mase")))).orElseThrow().getKey();
        double selectedMase = alone.get(selected).mase();
        sb.append(String.format(Locale.ROOT, "backtest-selected single family: %s (holdout MASE %.3f); ensemble %s it%n%n",
                selected, selectedMase, e.get("mase") < selectedMase ? "beats" : "does NOT beat"));
        sb.append("| model | MASE | sMAPE % | RMSE | cov 80% | cov 95% | failed series | seconds |\n");
        sb.append("|---|---|---|---|---|---|---|---|\n");
        sb.append(row("**ensemble**", e, 0, wall));
        if (plain != null) {
            sb.append(row("ensemble without covariates (weights " + plain.result().weights().keySet() + ")",
                    plain.ensemble().toMap(), 0, plain.wall()));
        }
        for (Map.Entry<String, ForecastScores> a : alone.entrySet()) {
            String name = a.getKey().equals(best) ? a.getKey() + " (best single)" : a.getKey();
            sb.append(row(name, a.getValue().toMap(), failures.get(a.getKey()), seconds.get(a.getKey())));
        }
        return sb.toString();
    }

    private static String row(String name, Map<String, Double> m, int failed, double seconds) {
        return String.format(Locale.ROOT, "| %s | %.3f | %.2f | %.4g | %.2f | %.2f | %d | %.1f |%n", name, m.get("mase"),
                m.get("smape"), m.get("rmse"), m.get("coverage_80"), m.get("coverage_95"), failed, seconds);
    }
}
