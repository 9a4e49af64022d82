package io.autogate.engine.forecast;

import io.autogate.engine.BadInputException;
import io.autogate.engine.data.SeriesData;
import io.autogate.engine.data.Table;
import io.autogate.engine.ingest.CsvReader;
import io.autogate.engine.ingest.TimeSeriesLoader;
import io.autogate.engine.train.BuildInfo;
import io.autogate.runtime.artifact.ModelArtifact;
import io.autogate.runtime.artifact.ModelManifest;
import io.autogate.runtime.artifact.Provenance;
import io.autogate.runtime.forecast.Covariate;
import io.autogate.runtime.forecast.CovariateRole;
import io.autogate.runtime.forecast.ForecastMember;
import io.autogate.runtime.forecast.ForecastModel;
import io.autogate.runtime.forecast.ForecastSpec;
import io.autogate.runtime.forecast.Forecaster;
import io.autogate.runtime.forecast.Frequency;
import io.autogate.runtime.forecast.NaiveModel;
import io.autogate.runtime.forecast.RegularSeries;
import io.autogate.runtime.forecast.SeriesSpec;
import io.autogate.runtime.profile.DatasetProfile;
import io.autogate.runtime.registry.FileModelRegistry;
import io.autogate.runtime.registry.ModelRegistry;
import io.autogate.runtime.schema.ColumnSpec;
import io.autogate.runtime.schema.ColumnType;
import io.autogate.runtime.schema.Schema;
import io.autogate.runtime.schema.TaskType;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code train --task forecast} as a library call: ingest and regularise the series, fit every
 * chosen family (the named ones, else those fitted {@link ForecastFamily#byDefault() by default},
 * each {@link ForecastFamily#forFrequency configured for the series' frequency}) on every series
 * under its own time slot at each of up to {@link #backtestWindows} rolling origins (one horizon
 * apart, the last ending at the end of the data: 3, or 7 for sub-daily data forecast a day or less
 * ahead) and on the whole series, score the origins (MASE
 * first), combine the families by the {@link EnsembleRule} (default {@link EnsembleRule#DEFAULT},
 * greedy selection on the backtests; {@link EnsembleChoice} records which and why), and register the
 * artifact. A member that fails or
 * overruns is excluded and logged; each series keeps whatever chosen members it has, else its
 * best-ranked fitted family, else naive. Global families (fitted once across all series, such
 * as {@link GbmFamily}) run after the per-series fits, with the rest of the budget as their slot,
 * and take part in the backtests and the ensemble like the others; a chosen global member is
 * stored once in the artifact ({@link ForecastSpec#globalMembers()}). When the name already holds
 * a forecasting model, a member that fails or overruns for a series reuses that version's fit
 * of it for the series when it stored one ({@link PreviousFits}); the log and notes say so.
 */
public final class ForecastTrainer {
    /**
     * Steps of history kept per series (the most recent) unless {@link #withMaxHistory} says
     * otherwise; 10,000 was not better on the benchmark's validation window once every member had
     * the time to fit (benchmarks/results/forecast-validation.md).
     */
    public static final int MAX_HISTORY = 2500;
    /** The fewest steps of history a trainer may be told to keep ({@link #withMaxHistory}). */
    public static final int MIN_HISTORY = 3;
    /** Rolling-origin backtest windows every series long enough gets. */
    public static final int WINDOWS = 3;
    /**
     * Backtest windows for data whose step is shorter than a day and whose horizon is at most a
     * day (windows past {@link #WINDOWS} keep half the series to fit on): a week of horizons, so
     * the ensemble is chosen on every weekday rather than on the last three days. Over 46 earlier
     * windows of electricity and ETT-h1 greedy selection on 7 windows scored 2.9% lower than on 3
     * (benchmarks/results/forecast-origins.md, run C).
     */
    public static final int SUB_DAILY_WINDOWS = 7;
    /**
     * Backtest windows (at most) for all other data: steps of a day or longer, or horizons longer
     * than a day (windows past {@link #WINDOWS} keep half the series to fit on, so a short series
     * gets fewer). Over the 36 earlier windows of the benchmark's six such datasets greedy selection
     * on up to 10 windows scored 3.1% lower than on 3 and no worse on any dataset
     * (benchmarks/results/forecast-origins.md, run K).
     */
    public static final int MAX_WINDOWS = 10;
    /**
     * Steps refitted per minute of budget that the backtest windows may cost: every window and
     * the final fit read the global families' steps of every series once, so a run gets no more
     * windows than this allows ({@link #backtestWindows(Frequency, int, long, Duration)}), and
     * never fewer than {@link #WINDOWS}. On this 2-core machine 100 daily series of 1,000 days at
     * the default 60 s fitted gbm with 3 windows (400,000 steps refitted) and overran it with 10
     * (1.1 million); electricity's 7 windows over two years of half-hours refit 281,000.
     */
    public static final long FIT_STEPS_PER_MINUTE = 400_000;
    /** {@link #maxWindows} when the data decides ({@link #backtestWindows}). */
    private static final int BY_DATA = 0;
    private static final double DAY_SECONDS = 86_400;
    private static final int MAX_LOG = 200;
    private static final double FIT_SHARE = 0.9;

    private static final double LOCAL_SHARE = 0.6;

    private final List<ForecastFamily> families;
    private final List<GlobalForecastFamily> globalFamilies;
    private final ModelRegistry registry;
    private final Clock clock;
    private final EnsembleRule rule;
    private final int maxWindows;
    private final int maxHistory;
    private final ForecastProgress progress;

    /** A trainer over the given per-series families only, registering into {@code registry}. */
    public ForecastTrainer(List<ForecastFamily> families, ModelRegistry registry, Clock clock) {
        this(families, List.of(), registry, clock);
    }

    /** A trainer over the given per-series and global families, registering into {@code registry}. */
    public ForecastTrainer(List<ForecastFamily> families, List<GlobalForecastFamily> globalFamilies, ModelRegistry registry,
            Clock clock) {
        this(families, globalFamilies, registry, clock, EnsembleRule.DEFAULT, BY_DATA, MAX_HISTORY, ForecastProgress.NONE);
    }

    private ForecastTrainer(List<ForecastFamily> families, List<GlobalForecastFamily> globalFamilies, ModelRegistry registry,
            Clock clock, EnsembleRule rule, int maxWindows, int maxHistory, ForecastProgress progress) {
        if (maxHistory < MIN_HISTORY) {
            throw new IllegalArgumentException("at least " + MIN_HISTORY + " steps of history are needed, got " + maxHistory);
        }
        this.families = List.copyOf(families);
        this.globalFamilies = List.copyOf(globalFamilies);
        this.registry = registry;
        this.clock = clock;
        this.rule = rule;
        this.maxWindows = maxWindows;
        this.maxHistory = maxHistory;
        this.progress = progress;
    }

    /** This trainer with another ensemble rule. */
    public ForecastTrainer withEnsembleRule(EnsembleRule ensembleRule) {
        return new ForecastTrainer(families, globalFamilies, registry, clock, ensembleRule, maxWindows, maxHistory,
                progress);
    }

    /** This trainer with up to {@code windows} backtest windows on long series (by default {@link #backtestWindows}). */
    public ForecastTrainer withMaxWindows(int windows) {
        if (windows < 1) {
            throw new IllegalArgumentException("at least one backtest window is needed, got " + windows);
        }
        return new ForecastTrainer(families, globalFamilies, registry, clock, rule, windows, maxHistory, progress);
    }

    /** This trainer keeping up to {@code steps} of the most recent history per series (default {@link #MAX_HISTORY}). */
    public ForecastTrainer withMaxHistory(int steps) {
        return new ForecastTrainer(families, globalFamilies, registry, clock, rule, maxWindows, steps, progress);
    }

    /** This trainer telling {@code listener} how the fits progress ({@link ForecastProgress}). */
    public ForecastTrainer withProgress(ForecastProgress listener) {
        return new ForecastTrainer(families, globalFamilies, registry, clock, rule, maxWindows, maxHistory, listener);
    }

    /** A trainer over every built-in family ({@link ForecastFamilies#all()} and {@link ForecastFamilies#global()}). */
    public static ForecastTrainer withAllFamilies(ModelRegistry registry, Clock clock) {
        return new ForecastTrainer(ForecastFamilies.all(), ForecastFamilies.global(), registry, clock);
    }

    /** Trains and registers; bad input is a one-line {@link BadInputException}. */
    public ForecastTrainingResult train(ForecastRequest req) throws IOException, InterruptedException {
        long t0 = clock.millis();
        int h = req.horizon();
        if (h < 1 || h > Forecaster.MAX_HORIZON) {
            throw new BadInputException("--horizon must be between 1 and " + Forecaster.MAX_HORIZON + ", got " + h);
        }
        List<ForecastFamily> named = ForecastFamilies.select(families, globalFamilies, req.families());
        List<GlobalForecastFamily> chosenGlobal = ForecastFamilies.selectGlobal(globalFamilies, req.families());
        Table table = CsvReader.read(req.data());
        SeriesData loaded = TimeSeriesLoader.load(table, req.target(), req.timeColumn(), req.seriesColumn(),
                req.knownCovariates(), req.pastCovariates(), req.frequency(), Integer.MAX_VALUE);
        SeriesData data = loaded.lastSteps(maxHistory);
        int period = data.frequency().seasonalPeriod();
        List<String> notes = new ArrayList<>(data.notes());
        boolean known = data.covariates().stream().anyMatch(c -> c.role() == CovariateRole.KNOWN);
        List<ForecastFamily> chosenFamilies = applicable(named, chosenGlobal, data.frequency(), known,
                !req.families().isEmpty(), notes);
        List<String> ids = new ArrayList<>(chosenFamilies.stream().map(ForecastFamily::id).toList());
        chosenGlobal.forEach(g -> ids.add(g.id()));
        if (!data.covariates().isEmpty()) {
            List<String> readers = new ArrayList<>(chosenGlobal.stream().map(GlobalForecastFamily::id).toList());
            chosenFamilies.stream().filter(ForecastFamily::readsKnownCovariates).forEach(f -> readers.add(f.id()));
            if (readers.isEmpty()) {
                throw new BadInputException(known ? "covariates are read by the global gbm family and, the known ones, by "
                        + ArimaxFamily.ID + "; neither is among --families " + req.families()
                        : "past-only covariates are read by the global gbm family only; it is not among --families "
                        + req.families());
            }
            notes.add("covariates are read by " + readers + "; the per-series families " + chosenFamilies.stream()
                    .filter(f -> !f.readsKnownCovariates()).map(ForecastFamily::id).toList() + " ignore them");
        }
        List<RegularSeries> series = usableSeries(data, notes);
        int globalSteps = GlobalHistory.steps(data.frequency(), maxHistory, series.size(), req.budget());
        long viewSteps = GlobalHistory.total(series, loaded, globalSteps);
        int windows = windows(data.frequency(), h, viewSteps, req.budget());
        int uncapped = backtestWindows(data.frequency(), h);
        if (maxWindows == BY_DATA && windows < uncapped) {
            notes.add("up to " + windows + " backtest windows, not " + uncapped + ": each refits "
                    + viewSteps + " steps and the " + req.budget().toSeconds() + " s budget allows " + FIT_STEPS_PER_MINUTE
                    + " a minute; a larger --budget gives more");
        }
        int[][] origins = new int[series.size()][];
        for (int s = 0; s < series.size(); s++) {
            origins[s] = origins(series.get(s).values().length, h, windows);
            if (origins[s].length == 0) {
                notes.add("series " + label(series.get(s)) + " is too short for a backtest (" + series.get(s).values().length
                        + " values, horizon " + h + "): fallback members, no backtest");
            }
        }
        List<Callable<MemberFit>> tasks = new ArrayList<>();
        for (ForecastFamily f : chosenFamilies) {
            for (int s = 0; s < series.size(); s++) {
                tasks.add(MemberFit.task(f.forFrequency(data.frequency()), series.get(s), period, data.frequency(), h,
                        origins[s], data.covariates()));
            }
        }
        long budget = req.budget().toMillis();
        long slot = Math.max(1000, Math.min(budget / 2, budget * Math.max(1, req.parallelism()) / series.size()));
        long fitDeadline = t0 + (long) (budget * FIT_SHARE);
        Backtests backtests = new Backtests(series, origins, period, h);
        FitProgress fitProgress = new FitProgress(progress, backtests, chosenFamilies.size(), series.size(),
                chosenGlobal.size(), clock, t0);
        List<SlotRunner.Outcome<MemberFit>> outcomes = SlotRunner.run(tasks, req.parallelism(), slot,
                chosenGlobal.isEmpty() ? fitDeadline : t0 + (long) (budget * LOCAL_SHARE), clock, fitProgress::localFinished);
        MemberFit[][] fits = new MemberFit[ids.size()][series.size()];
        List<String> log = new ArrayList<>();
        int excluded = 0;
        int reused = 0;
        PreviousFits previous = PreviousFits.latest(registry, req.name(), data.frequency(), data.covariates());
        for (int f = 0; f < chosenFamilies.size(); f++) {
            for (int s = 0; s < series.size(); s++) {
                SlotRunner.Outcome<MemberFit> o = outcomes.get(f * series.size() + s);
                fits[f][s] = o.value();
                if (o.failure() != null) {
                    excluded++;
                    fits[f][s] = previous.member(ids.get(f), series.get(s), data.frequency(), h, origins[s]);
                    reused += fits[f][s] == null ? 0 : 1;
                    if (log.size() < MAX_LOG) {
                        log.add(ids.get(f) + " on series " + label(series.get(s)) + " excluded: " + o.failure()
                                + (fits[f][s] == null ? "" : "; reused its last good fit from " + previous.source()));
                    }
                }
            }
        }
        GlobalHistory global = chosenGlobal.isEmpty() ? null
                : GlobalHistory.of(series, origins, loaded, globalSteps, notes);
        for (int g = 0; g < chosenGlobal.size(); g++) {
            GlobalForecastFamily family = chosenGlobal.get(g);
            Callable<GlobalFit> task = () -> family.fit(global.series(), global.origins(), data.frequency(), h,
                    data.covariates(), req.seed(), req.parallelism());
            SlotRunner.Outcome<GlobalFit> o = SlotRunner.run(List.of(task), 1,
                    Math.max(1, fitDeadline - clock.millis()), fitDeadline, clock).get(0);
            int f = chosenFamilies.size() + g;
            fitProgress.globalFinished(o.failure() != null ? null : o.value().perSeries());
            if (o.failure() != null) {
                excluded += series.size();
                int before = reused;
                for (int s = 0; s < series.size(); s++) {
                    fits[f][s] = previous.global(family.id(), series.get(s), data.frequency(), h, origins[s]);
                    reused += fits[f][s] == null ? 0 : 1;
                }
                log.add(family.id() + " (global, all series) excluded: " + o.failure() + (reused == before ? ""
                        : "; reused its last good fit from " + previous.source() + " for " + (reused - before) + " series"));
                continue;
            }
            notes.addAll(o.value().notes());
            int uncovered = 0;
            for (int s = 0; s < series.size(); s++) {
                fits[f][s] = o.value().perSeries()[s];
                uncovered += fits[f][s] == null ? 1 : 0;
            }
            if (uncovered > 0) {
                notes.add(family.id() + " cannot forecast " + uncovered + " series (too short): not a member there");
            }
        }
        if (reused > 0) {
            notes.add(reused + " failed or overrun member fit(s) replaced by their last good fit from " + previous.source());
        }
        if (excluded > log.size()) {
            log.add("... " + (excluded - log.size()) + " more excluded members");
        }
        Map<String, Map<String, Double>> report = new LinkedHashMap<>();
        for (int f = 0; f < ids.size(); f++) {
            report.put(ids.get(f), backtests.family(fits[f]).toMap());
        }
        EnsembleChoice.Decision decision = EnsembleChoice.decide(rule, ids, fits, backtests);
        EnsembleChoice choice = decision.choice();
        List<Integer> ranked = decision.ranking().ranked();
        double[] weights = decision.weights();
        ForecastScores ensemble = backtests.ensemble(fits, weights, ranked, false);
        report.put("ensemble", ensemble.toMap());
        Map<String, Double> outOfTime = backtests.ensemble(fits, weights, ranked, true).toMap();
        List<SeriesSpec> specs = new ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            specs.add(seriesSpec(series.get(s), s, ids, chosenFamilies.size(), fits, weights, ranked, data));
        }
        List<ForecastMember> globalMembers = new ArrayList<>();
        for (int f = chosenFamilies.size(); f < ids.size(); f++) {
            ForecastModel model = Arrays.stream(fits[f]).filter(java.util.Objects::nonNull).map(MemberFit::model).findFirst()
                    .orElse(null);
            if (weights[f] > 0 && model != null) {
                globalMembers.add(new ForecastMember(ids.get(f), weights[f], model));
            }
        }
        Map<String, Double> weightReport = new LinkedHashMap<>();
        for (int f = 0; f < weights.length; f++) {
            if (weights[f] > 0) {
                weightReport.put(ids.get(f), weights[f]);
            }
        }
        ForecastSpec spec = new ForecastSpec(req.timeColumn(), req.seriesColumn(), req.target(), data.frequency(),
                data.timeFormat(), h, period, specs, report, outOfTime, log, globalMembers, data.covariates());
        ModelManifest stored = registry.register(req.name(), new ModelArtifact(
                manifest(req, data, spec, ensemble, report, weightReport, choice, notes, table, globalSteps, windows), Map.of()));
        return new ForecastTrainingResult(stored, report, weightReport, choice, log, notes, (clock.millis() - t0) / 1000.0);
    }

    /**
     * The families with something to fit: those that apply to {@code frequency}, and those that
     * regress on known covariates only when the data has some; the others are noted (a family left
     * out for want of covariates only when it was named), and none left at all is an error.
     */
    private static List<ForecastFamily> applicable(List<ForecastFamily> named, List<GlobalForecastFamily> global,
            Frequency frequency, boolean knownCovariates, boolean explicitlyNamed, List<String> notes) {
        List<ForecastFamily> kept = new ArrayList<>();
        for (ForecastFamily f : named) {
            if (!f.appliesTo(frequency)) {
                notes.add(f.id() + " does not apply to " + frequency.id() + " data: not fitted");
            } else if (f.readsKnownCovariates() && !knownCovariates) {
                if (explicitlyNamed) {
                    notes.add(f.id() + " regresses on known-in-advance covariates and the data declares none: not fitted");
                }
            } else {
                kept.add(f);
            }
        }
        if (kept.isEmpty() && global.isEmpty()) {
            throw new BadInputException("--families: none of " + named.stream().map(ForecastFamily::id).toList()
                    + " applies to " + frequency.id() + " data");
        }
        return List.copyOf(kept);
    }

    private static List<RegularSeries> usableSeries(SeriesData data, List<String> notes) {
        List<RegularSeries> usable = new ArrayList<>();
        int longest = 0;
        for (RegularSeries s : data.series()) {
            longest = Math.max(longest, s.values().length);
            if (s.values().length >= 3) {
                usable.add(s);
            } else {
                notes.add("series " + label(s) + " has " + s.values().length + " value(s) (at least 3 are needed): dropped");
            }
        }
        if (usable.isEmpty()) {
            throw new BadInputException("every series is too short to forecast: at least 3 values are needed, the longest has "
                    + longest);
        }
        return usable;
    }

    /**
     * The backtest windows (at most) that data of {@code frequency} gets at horizon {@code h}:
     * {@link #SUB_DAILY_WINDOWS} when a step is shorter than a day and the horizon spans at most a
     * day, else {@link #MAX_WINDOWS}.
     */
    public static int backtestWindows(Frequency frequency, int h) {
        double step = frequency.approximateSeconds();
        return step < DAY_SECONDS && step * h <= DAY_SECONDS ? SUB_DAILY_WINDOWS : MAX_WINDOWS;
    }

    /**
     * The backtest windows (at most) of data of {@code frequency} at horizon {@code h} whose global
     * view holds {@code steps} steps over all series, within {@code budget}: {@link
     * #backtestWindows(Frequency, int)}, but no more than {@link #FIT_STEPS_PER_MINUTE} allows
     * (windows plus the final fit, each reading every step), and at least {@link #WINDOWS}.
     * Deterministic in its arguments, so a run repeats on any machine.
     */
    public static int backtestWindows(Frequency frequency, int h, long steps, Duration budget) {
        long affordable = budget.toMillis() * FIT_STEPS_PER_MINUTE / 60_000 / Math.max(1, steps) - 1;
        return (int) Math.max(WINDOWS, Math.min(backtestWindows(frequency, h), affordable));
    }

    /** The backtest windows (at most) of this trainer's runs: {@link #withMaxWindows}, else as the data and budget allow. */
    private int windows(Frequency frequency, int h, long steps, Duration budget) {
        return maxWindows == BY_DATA ? backtestWindows(frequency, h, steps, budget) : maxWindows;
    }

    /** Backtest origins, oldest first, one horizon apart, the last at {@code n - h}; each leaves at least 3 values to fit on. */
    public static int[] origins(int n, int h) {
        return origins(n, h, WINDOWS);
    }

    /**
     * Up to {@code max} origins: the first {@link #WINDOWS} as in {@link #origins(int, int)}, any
     * further one only while it leaves at least half the series to fit on.
     */
    public static int[] origins(int n, int h, int max) {
        int count = 0;
        while (count < max && n - h * (count + 1) >= (count < WINDOWS ? 3 : Math.max(3, n / 2))) {
            count++;
        }
        int[] o = new int[count];
        for (int w = 0; w < count; w++) {
            o[w] = n - h * (count - w);
        }
        return o;
    }

    /**
     * A series' own members: the chosen per-series families that fitted it (families
     * {@code [0, local)} of {@code ids}; the global ones are stored once, not per series). When
     * none fitted and no chosen global member covers it, the best-ranked fitted per-series
     * family, else every fitted one, else naive.
     */
    private static SeriesSpec seriesSpec(RegularSeries s, int index, List<String> ids, int local, MemberFit[][] fits,
            double[] weights, List<Integer> ranked, SeriesData data) {
        List<ForecastMember> members = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean global = false;
        for (int f = 0; f < ids.size(); f++) {
            if (weights[f] > 0 && fits[f][index] != null) {
                if (f < local) {
                    members.add(new ForecastMember(ids.get(f), weights[f], fits[f][index].model()));
                } else {
                    global = true;
                }
            }
        }
        if (members.isEmpty() && global) {
            return new SeriesSpec(s.id(), data.timeFormat().format(s.start()), s.values(), members, notes, s.covariates());
        }
        if (members.isEmpty()) {
            for (int f : ranked) {
                if (f < local && fits[f][index] != null) {
                    members.add(new ForecastMember(ids.get(f), 1, fits[f][index].model()));
                    notes.add("no chosen member fitted: fallback to " + ids.get(f));
                    break;
                }
            }
        }
        if (members.isEmpty()) {
            for (int f = 0; f < local; f++) {
                if (fits[f][index] != null) {
                    members.add(new ForecastMember(ids.get(f), 1, fits[f][index].model()));
                }
            }
            if (!members.isEmpty()) {
                notes.add("no backtest for this series: its fitted members are weighted equally");
            }
        }
        if (members.isEmpty()) {
            members.add(new ForecastMember("naive", 1, new NaiveModel()));
            notes.add("every member failed: fallback to naive");
        }
        return new SeriesSpec(s.id(), data.timeFormat().format(s.start()), s.values(), members, notes, s.covariates());
    }

    private ModelManifest manifest(ForecastRequest req, SeriesData data, ForecastSpec spec, ForecastScores ensemble,
            Map<String, Map<String, Double>> report, Map<String, Double> weights, EnsembleChoice choice, List<String> notes,
            Table table, int globalSteps, int windows)
            throws IOException {
        List<ColumnSpec> columns = new ArrayList<>(List.of(ColumnSpec.of(req.timeColumn(), ColumnType.DATETIME)));
        if (req.seriesColumn() != null) {
            columns.add(ColumnSpec.of(req.seriesColumn(), ColumnType.CATEGORICAL));
        }
        spec.covariates().forEach(c -> columns.add(ColumnSpec.of(c.name(), c.type())));
        Schema schema = new Schema(columns, req.target(), TaskType.REGRESSION, List.of());
        List<Map<String, Object>> leaderboard = new ArrayList<>();
        report.entrySet().stream()
                .sorted(Comparator.comparingDouble(e -> e.getValue().get("mase")))
                .forEach(e -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("model", e.getKey());
                    row.putAll(e.getValue());
                    row.put("weight", weights.getOrDefault(e.getKey(), 0.0));
                    leaderboard.add(row);
                });
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("task", "forecast");
        settings.put("horizon", req.horizon());
        settings.put("budget_seconds", req.budget().toMillis() / 1000.0);
        settings.put("frequency", data.frequency().id());
        settings.put("families", spec.backtest().keySet().stream().filter(id -> !id.equals("ensemble")).sorted().toList());
        if (spec.backtest().containsKey(GbmFamily.ID)) {
            settings.put(GbmFamily.ID, Map.of("params", GbmFamily.params(), "rounds", GbmFamily.ROUNDS, "seed", req.seed()));
        }
        if (!spec.covariates().isEmpty()) {
            settings.put("covariates", spec.covariates().stream().map(Covariate::describe).toList());
        }
        settings.put("backtest_windows", windows);
        settings.put("max_history", maxHistory);
        if (spec.backtest().containsKey(GbmFamily.ID)) {
            settings.put("global_history", globalSteps);
        }
        settings.put("ensemble_rule", rule.id());
        settings.put("ensemble_choice", choice.toMap());
        settings.put("series", spec.series().size());
        Provenance provenance = new Provenance(FileModelRegistry.sha256(req.data()), req.data().getFileName().toString(),
                table.rows().size(), req.seed(), settings, BuildInfo.libraries(), BuildInfo.jvm(), BuildInfo.gitCommit(),
                BuildInfo.autogateVersion(), clock.instant().toString());
        return new ModelManifest(ModelManifest.CURRENT_FORMAT, null, 0, schema,
                new DatasetProfile(table.rows().size(), List.of(), notes), "mase", ensemble.toMap(), List.of(), leaderboard,
                provenance, Map.of(), null, spec);
    }

    static String label(RegularSeries s) {
        return s.id().isEmpty() ? "(single)" : "'" + s.id() + "'";
    }
}
