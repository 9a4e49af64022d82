package io.autogate.engine.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.autogate.engine.family.ModelFamilies;
import io.autogate.engine.forecast.ForecastTrainer;
import io.autogate.engine.forecast.GlobalHistory;
import io.autogate.engine.robustness.RobustnessSettings;
import io.autogate.engine.robustness.RobustnessTable;
import io.autogate.engine.robustness.SelectionPolicy;
import io.autogate.engine.search.AutoMlSearch;
import io.autogate.engine.search.Leaderboard;
import io.autogate.engine.search.SearchSettings;
import io.autogate.engine.space.SearchSpaceLoader;
import io.autogate.engine.train.TrainingRequest;
import io.autogate.engine.train.TrainingResult;
import io.autogate.engine.train.TrainingRun;
import io.autogate.runtime.artifact.ManifestJson;
import io.autogate.runtime.schema.TaskType;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code autogate train}: search for the best model on a CSV within a budget and register it. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the best model the budget allows on a CSV and register it.")
public final class TrainCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE.csv", description = "training data (CSV with a header row)")
    Path data;

    @Option(names = "--target", required = true, paramLabel = "COL", description = "the column to predict")
    String target;

    @Option(names = "--task", defaultValue = "auto", paramLabel = "TASK",
            description = "auto, binary, multiclass, regression or forecast (default: ${DEFAULT-VALUE})")
    String task;

    @Option(names = "--budget", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "hard wall-clock budget, e.g. 60s, 5m (default: 60s unless --max-trials is given)")
    Duration budget;

    @Option(names = "--max-trials", paramLabel = "N", description = "stop after N trials (with no --budget: reproducible runs)")
    Integer maxTrials;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "seed of every random choice (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--name", paramLabel = "NAME", description = "model name in the registry (default: the data file's name)")
    String name;

    @Option(names = "--families", split = ",", paramLabel = "F", description = "only these model families (default: all)")
    List<String> families = List.of();

    @Option(names = "--parallelism", paramLabel = "N", description = "trials run at once (default: the number of cores)")
    Integer parallelism;

    @Option(names = "--search-spaces", paramLabel = "DIR", description = "folder of <family>.yaml files overriding the built-in spaces")
    Path searchSpaces;

    @Option(names = "--time-column", paramLabel = "COL",
            description = "column ordering the rows in time (dates or numbers); robustness checks hold out the latest rows"
                    + " (default: the first date column); forecast: the time axis (required)")
    String timeColumn;

    @Option(names = "--domain-column", paramLabel = "COL",
            description = "column naming a domain (site, region ...); robustness checks hold out whole domains (default: suggested from the data)")
    String domainColumn;

    @Option(names = "--select", defaultValue = "balanced", paramLabel = "POLICY",
            description = "how the final model is chosen: iid, robust or balanced (default: ${DEFAULT-VALUE}); see README")
    String select;

    @Option(names = "--refit", description = "refit the final model on all rows: one model per member instead of one per"
            + " fold, so predictions cost a fold count's fraction (scores stay the out-of-fold estimates; takes 12% of the"
            + " budget; skipped, keeping the fold models, when it would not finish in time)")
    boolean refit;

    @Option(names = "--json", description = "print one JSON object with the result on stdout")
    boolean json;

    @Mixin
    RegistryOption registry;

    @Option(names = "--series-column", paramLabel = "S", description = "forecast: the column naming each series (default: one series)")
    String seriesColumn;

    @Option(names = "--horizon", paramLabel = "H", description = "forecast: steps to forecast")
    Integer horizon;

    @Option(names = "--frequency", paramLabel = "F", description = "forecast: e.g. 1mo, 1q, 1d, 1h, 30min (default: inferred)")
    String frequency;

    @Option(names = "--ensemble-rule", paramLabel = "R", description = "forecast: how members combine: greedy "
            + "(default; Caruana greedy selection on the backtests), backtest_choice (chosen per run on the backtests), "
            + "seasonal_naive, best_single, top2_equal, top3_equal, top3_inverse_mase, top3_near_best, select_k, greedy_top3_start")
    String ensembleRule;

    @Option(names = "--max-history", paramLabel = "N", description = "forecast: most recent steps of each series to"
            + " train the per-series families on (default: " + ForecastTrainer.MAX_HISTORY + "); longer histories cost"
            + " backtest time; the global gbm reads up to " + GlobalHistory.DAYS + " days of steps when"
            + " that is more")
    Integer maxHistory;

    @Option(names = "--known-covariates", split = ",", paramLabel = "COL", description = "forecast: covariate columns known"
            + " in advance (calendar, price, a weather forecast); predict needs their future values; used by the gbm family")
    List<String> knownCovariates = List.of();

    @Option(names = "--past-covariates", split = ",", paramLabel = "COL", description = "forecast: covariate columns observed"
            + " only up to the forecast origin; used as lagged features (lag >= horizon) by the gbm family")
    List<String> pastCovariates = List.of();

    @Override
    public Integer call() throws Exception {
        if (task.equalsIgnoreCase("forecast")) {
            return new ForecastTrainOutput(spec.commandLine(), registry).run(new ForecastTrainOutput.Options(data, target,
                    timeColumn, seriesColumn, horizon, frequency, budget, seed, parallelism, families, ensembleRule,
                    maxHistory, name != null ? name : defaultName(data), json, knownCovariates, pastCovariates));
        }
        if (!knownCovariates.isEmpty() || !pastCovariates.isEmpty()) {
            throw new IllegalArgumentException("--known-covariates and --past-covariates are for --task forecast; for other"
                    + " tasks every column is a feature already");
        }
        if (ensembleRule != null || maxHistory != null) {
            throw new IllegalArgumentException((ensembleRule != null ? "--ensemble-rule" : "--max-history")
                    + " is for --task forecast");
        }
        TaskType taskType = parseTask(task);
        Duration effectiveBudget = budget == null && maxTrials == null ? Duration.ofSeconds(60) : budget;
        if (effectiveBudget != null && effectiveBudget.compareTo(SearchSettings.MIN_BUDGET) < 0) {
            throw new IllegalArgumentException("--budget " + effectiveBudget.toMillis() / 1000.0 + "s is too short; use at least "
                    + SearchSettings.MIN_BUDGET.toSeconds() + "s");
        }
        int cores = parallelism == null ? Math.max(1, Runtime.getRuntime().availableProcessors()) : parallelism;
        SearchSettings settings = new SearchSettings(effectiveBudget, maxTrials, seed, cores, families, refit);
        RobustnessSettings robustness = RobustnessSettings.of(SelectionPolicy.parse(select), timeColumn, domainColumn);
        String modelName = name != null ? name : defaultName(data);
        Clock clock = Clock.systemUTC();
        AutoMlSearch search = new AutoMlSearch(ModelFamilies.discover(), new SearchSpaceLoader(SearchSpaceLoader.class.getClassLoader(), java.util.Optional.ofNullable(searchSpaces)), clock);
        PrintWriter err = spec.commandLine().getErr();
        TrainingResult result;
        try (TrainingProgress progress = new TrainingProgress(err, effectiveBudget, maxTrials)) {
            result = new TrainingRun(search, registry.open(), clock).run(
                    new TrainingRequest(data, target, taskType, settings, modelName, robustness), progress);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = ManifestJson.mapper().copy().disable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
            out.println(mapper.writeValueAsString(summary(result, effectiveBudget)));
        } else {
            printReport(err, result);
            out.println(result.manifest().name() + "@" + result.manifest().version());
        }
        out.flush();
        return ExitCodes.OK;
    }

    private void printReport(PrintWriter err, TrainingResult r) {
        err.println();
        err.println("data: " + data + " (" + r.dataset().size() + " rows), task " + r.dataset().schema().task().id()
                + ", validation " + r.outcome().validation());
        r.dataset().profile().notes().forEach(n -> err.println("note: " + n));
        err.println(Leaderboard.table(r.outcome(), 15));
        err.println("final model: " + r.outcome().finalFit());
        if (r.outcome().robustness() != null) {
            err.println(RobustnessTable.render(r.outcome().robustness()));
        }
        err.printf(Locale.ROOT, "best: %s, %s = %.5f (%s), %d trials, wall %.1fs%n",
                r.outcome().describeModel(), r.outcome().metric().id(), r.outcome().score(), r.outcome().validation(), r.outcome().trials().size(),
                r.wallSeconds());
        err.println("registered " + r.manifest().name() + "@" + r.manifest().version() + " in " + registry.registry);
        err.flush();
    }

    private Map<String, Object> summary(TrainingResult r, Duration effectiveBudget) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", r.manifest().name());
        s.put("version", r.manifest().version());
        s.put("model", r.manifest().name() + "@" + r.manifest().version());
        s.put("task", r.dataset().schema().task().id());
        s.put("metric", r.outcome().metric().id());
        s.put("best", r.outcome().score());
        s.put("best_model", r.outcome().describeModel());
        s.put("metrics", r.outcome().metrics());
        s.put("ensemble", r.outcome().isEnsemble());
        s.put("validation", r.outcome().validation());
        s.put("final_fit", r.outcome().finalFit());
        s.put("trials", r.outcome().trials().size());
        s.put("rows", r.dataset().size());
        s.put("budget_seconds", effectiveBudget == null ? null : effectiveBudget.toMillis() / 1000.0);
        s.put("wall_seconds", r.wallSeconds());
        s.put("peak_rss_mb", PeakMemory.residentMegabytes());
        s.put("registry", registry.registry.toAbsolutePath().toString());
        s.put("notes", r.dataset().profile().notes());
        s.put("leaderboard", r.manifest().leaderboard());
        s.put("robustness", r.manifest().robustness());
        return s;
    }

    private static TaskType parseTask(String text) {
        if (text.equalsIgnoreCase("auto")) {
            return null;
        }
        try {
            return TaskType.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--task '" + text + "' is not one of auto, binary, multiclass, regression, forecast");
        }
    }

    private static String defaultName(Path file) {
        String base = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        String cleaned = base.replaceAll("[^A-Za-z0-9._-]", "-").replaceAll("^[^A-Za-z0-9]+", "");
        return cleaned.isEmpty() ? "model" : cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned;
    }
}
