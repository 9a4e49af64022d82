package io.autogate.app.training;

import io.autogate.engine.BadInputException;
import io.autogate.engine.data.Table;
import io.autogate.engine.forecast.EnsembleRule;
import io.autogate.engine.forecast.ForecastRequest;
import io.autogate.engine.forecast.ForecastTrainer;
import io.autogate.engine.forecast.ForecastTrainingResult;
import io.autogate.engine.ingest.CovariateColumns;
import io.autogate.engine.ingest.TimeSeriesLoader;
import io.autogate.gateway.api.ForecastSummary;
import io.autogate.gateway.training.ForecastJobOptions;
import io.autogate.gateway.training.TrainingJobRequest;
import io.autogate.runtime.registry.ModelRegistry;
import io.autogate.runtime.forecast.SeriesSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Training jobs with {@code "task": "forecast"}: checked up front with the engine's own series
 * loader (so a time column that is not a date, a non-numeric target or an unknown column is a 400
 * naming the field before the job starts) and the engine's {@link CovariateColumns} (a covariate
 * that is not a usable column is a 400 on {@code known_covariates} / {@code past_covariates}; an
 * unknown {@code ensemble_rule} or a {@code max_history} below {@link ForecastTrainer#MIN_HISTORY} too),
 * then run by the same {@link ForecastTrainer} with the same default families (the global {@code gbm}
 * included) as {@code train --task forecast}, registering through a {@link CancellableRegistry}.
 */
final class ForecastJobs {
    private static final int MAX_SERIES_IDS = 1000;
    private static final int MAX_NOTES = 20;
    private static final CovariateColumns.Labels FIELDS = new CovariateColumns.Labels(
            ForecastJobOptions.KNOWN_COVARIATES_FIELD, ForecastJobOptions.PAST_COVARIATES_FIELD);

    private ForecastJobs() {
    }

    /** The field problems of a forecast request on this table (empty when it can run). */
    static List<Map<String, Object>> problems(Table table, TrainingJobRequest request) {
        ForecastJobOptions f = request.forecast();
        List<Map<String, Object>> problems = new ArrayList<>();
        if (!table.header().contains(f.timeColumn())) {
            problems.add(DatasetStore.problem("time_column", "no column named '" + f.timeColumn() + "'"));
        }
        if (f.seriesColumn() != null && !table.header().contains(f.seriesColumn())) {
            problems.add(DatasetStore.problem("series_column", "no column named '" + f.seriesColumn() + "'"));
        }
        if (request.target().equals(f.timeColumn()) || request.target().equals(f.seriesColumn())) {
            problems.add(DatasetStore.problem("target", "the value to forecast must differ from the time and series columns"));
        }
        request.columnTypes().forEach((column, type) -> {
            if (!EngineTrainingService.IGNORE.equals(type)) {
                problems.add(DatasetStore.problem("column_types." + column, "a forecast reads its time, series and value"
                        + " columns itself; the one column type it takes is '" + EngineTrainingService.IGNORE + "'"));
            }
        });
        CovariateColumns.problems(table, f.knownCovariates(), f.pastCovariates(), request.target(), f.timeColumn(),
                f.seriesColumn(), FIELDS).forEach(p -> problems.add(DatasetStore.problem(p.label(), p.problem())));
        if (f.ensembleRule() != null && !EnsembleRule.ids().contains(f.ensembleRule())) {
            problems.add(DatasetStore.problem(ForecastJobOptions.ENSEMBLE_RULE_FIELD, "must be one of "
                    + EnsembleRule.ids() + ", got '" + f.ensembleRule() + "'"));
        }
        if (f.maxHistory() != null && f.maxHistory() < ForecastTrainer.MIN_HISTORY) {
            problems.add(DatasetStore.problem(ForecastJobOptions.MAX_HISTORY_FIELD, "must be at least "
                    + ForecastTrainer.MIN_HISTORY + " steps, got " + f.maxHistory()));
        }
        if (!problems.isEmpty() || !table.header().contains(request.target())) {
            return problems;
        }
        try {
            TimeSeriesLoader.load(table, request.target(), f.timeColumn(), f.seriesColumn(), f.knownCovariates(),
                    f.pastCovariates(), null, maxHistory(f));
        } catch (BadInputException e) {
            problems.add(DatasetStore.problem(fieldOf(e.getMessage()), e.getMessage()));
        }
        return problems;
    }

    // the loader's other messages name the CLI option; covariates were checked above with the field names
    private static String fieldOf(String message) {
        if (message.startsWith("time column")) {
            return "time_column";
        }
        if (message.startsWith("target")) {
            return "target";
        }
        return message.startsWith("series") ? "series_column" : "dataset";
    }

    /**
     * Trains and registers the forecast of a running job, its progress (fits finished, best family
     * MASE so far) recorded as it goes; the job's result and leaderboard are set.
     */
    static void run(TrainingJob job, Path data, ModelRegistry registry, int parallelism, Clock clock)
            throws IOException, InterruptedException {
        TrainingJobRequest r = job.request();
        ForecastJobOptions f = r.forecast();
        ForecastRequest request = new ForecastRequest(data, r.target(), f.timeColumn(), f.seriesColumn(), f.horizon(), null,
                Duration.ofSeconds(r.budgetSeconds()), r.seed(), parallelism, List.of(), job.name(), f.knownCovariates(),
                f.pastCovariates());
        ForecastTrainingResult result = ForecastTrainer.withAllFamilies(
                new CancellableRegistry(registry, job::cancelRequested), clock)
                .withEnsembleRule(f.ensembleRule() == null ? EnsembleRule.DEFAULT : EnsembleRule.parse(f.ensembleRule()))
                .withMaxHistory(maxHistory(f))
                .withProgress((done, total, best, elapsed) -> job.fitsFinished(done, best, elapsed)).train(request);
        job.succeeded(clock.millis(), "forecast", "mase", resultView(result), leaderboard(result));
    }

    private static int maxHistory(ForecastJobOptions f) {
        return f.maxHistory() == null ? ForecastTrainer.MAX_HISTORY : f.maxHistory();
    }

    private static Map<String, Object> resultView(ForecastTrainingResult r) {
        Map<String, Double> ensemble = r.backtest().get("ensemble");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", r.manifest().name());
        out.put("version", r.manifest().version());
        out.put("ref", r.manifest().name() + "@" + r.manifest().version());
        out.put("metric", "mase");
        out.put("score", ensemble.get("mase"));
        out.put("metrics", ensemble);
        out.put("description", r.weights().entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", ", "ensemble(", ")")));
        out.put("rows", r.manifest().provenance().rows());
        out.put("validation", "rolling-origin backtest over up to "
                + r.manifest().provenance().settings().get("backtest_windows") + " windows of "
                + r.manifest().forecast().horizon() + " steps");
        out.put("horizon", r.manifest().forecast().horizon());
        out.put("series", r.manifest().forecast().series().stream().limit(MAX_SERIES_IDS).map(SeriesSpec::id).toList());
        out.put("backtest", r.backtest());
        out.put("out_of_time", r.manifest().forecast().outOfTime());
        out.put("covariates", r.manifest().forecast().covariates().stream().map(ForecastSummary::covariate).toList());
        out.put("notes", r.notes().stream().limit(MAX_NOTES).toList());
        return out;
    }

    /** The families ranked by backtest MASE (the ensemble is the result, not a row). */
    private static List<Map<String, Object>> leaderboard(ForecastTrainingResult r) {
        List<Map.Entry<String, Map<String, Double>>> families = r.backtest().entrySet().stream()
                .filter(e -> !e.getKey().equals("ensemble"))
                .sorted(Comparator.comparingDouble(e -> {
                    Double mase = e.getValue().get("mase");
                    return mase == null || !Double.isFinite(mase) ? Double.POSITIVE_INFINITY : mase;
                }))
                .toList();
        List<Map<String, Object>> rows = new ArrayList<>();
        int rank = 1;
        for (Map.Entry<String, Map<String, Double>> e : families) {
            Double mase = e.getValue().get("mase");
            boolean ok = mase != null && Double.isFinite(mase);
            rows.add(TrainingJob.row(rank++, e.getKey(), ok ? "OK" : "FAILED", ok ? mase : null, Double.NaN, Double.NaN));
        }
        return rows;
    }
}
