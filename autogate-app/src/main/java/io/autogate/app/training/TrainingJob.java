package io.autogate.app.training;

import io.autogate.engine.forecast.EnsembleRule;
import io.autogate.engine.forecast.ForecastTrainer;
import io.autogate.engine.search.Leaderboard;
import io.autogate.engine.search.Trial;
import io.autogate.engine.search.TrialStatus;
import io.autogate.gateway.training.ForecastJobOptions;
import io.autogate.gateway.training.TrainingJobRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One training job's live state, updated from the search's coordinating thread and read by HTTP
 * handlers (every method is synchronized). The view's score is the primary metric's value. Every
 * change is stored through the {@link JobStore} (progress at most once a second), and a job read
 * back after a restart that was still queued or running is {@code interrupted}.
 */
final class TrainingJob {
    /** Where a job is. */
    enum Status { QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED, INTERRUPTED }

    static final String INTERRUPTED_MESSAGE = "the server stopped while this job was running, so it did not finish"
            + " and nothing was registered; start it again with the same request (dataset, target, column_types,"
            + " budget_seconds, name, seed, and for a forecast task, time_column, series_column, horizon)";
    private static final int LEADERBOARD_ROWS = 15;
    private static final long SAVE_EVERY_MILLIS = 1000;

    private final String id;
    private final TrainingJobRequest request;
    private final String name;
    private final long createdMillis;
    private Status status = Status.QUEUED;
    private long startMillis;
    private long endMillis;
    private int trialsDone;
    private final List<Trial> trials = new ArrayList<>();
    private final List<Map<String, Object>> bestOverTime = new ArrayList<>();
    private List<Map<String, Object>> finalLeaderboard;
    private Map<String, Object> result;
    private String task;
    private String metric;
    private String error;
    private volatile boolean cancelRequested;
    private final JobStore store;
    private long savedMillis;

    private TrainingJob(String id, TrainingJobRequest request, String name, long createdMillis, JobStore store) {
        this.id = id;
        this.request = request;
        this.name = name;
        this.createdMillis = createdMillis;
        this.store = store;
    }

    /** A new queued job, stored at once. */
    static TrainingJob queued(String id, TrainingJobRequest request, String name, long createdMillis, JobStore store) {
        TrainingJob job = new TrainingJob(id, request, name, createdMillis, store);
        synchronized (job) {
            job.save(createdMillis);
        }
        return job;
    }

    /** A job read back from its {@link #record}; one that was queued or running is now interrupted. */
    @SuppressWarnings("unchecked")
    static TrainingJob restore(Map<String, Object> record, JobStore store) {
        Map<String, String> types = (Map<String, String>) record.getOrDefault("column_types", Map.of());
        TrainingJobRequest request = new TrainingJobRequest((String) record.get("dataset"), (String) record.get("target"),
                types, ((Number) record.get("budget_seconds")).intValue(), (String) record.get("name"),
                ((Number) record.getOrDefault("seed", 42L)).longValue(),
                forecastOptions((Map<String, Object>) record.get("forecast")));
        TrainingJob job = new TrainingJob((String) record.get("id"), request, (String) record.get("name"),
                millis(record, "created_millis"), store);
        synchronized (job) {
            job.status = Status.valueOf(((String) record.get("status")).toUpperCase(Locale.ROOT));
            job.startMillis = millis(record, "start_millis");
            job.endMillis = millis(record, "end_millis");
            job.savedMillis = millis(record, "saved_millis");
            job.trialsDone = ((Number) record.getOrDefault("trials_done", 0)).intValue();
            job.bestOverTime.addAll((List<Map<String, Object>>) record.getOrDefault("best_over_time", List.of()));
            job.finalLeaderboard = (List<Map<String, Object>>) record.getOrDefault("leaderboard", List.of());
            job.result = (Map<String, Object>) record.get("result");
            job.task = (String) record.get("task");
            job.metric = (String) record.get("metric");
            job.error = (String) record.get("error");
            if (job.status == Status.QUEUED || job.status == Status.RUNNING) {
                job.markInterrupted(job.startMillis == 0 ? 0 : Math.max(job.startMillis, job.savedMillis));
                job.save(job.savedMillis);
            }
        }
        return job;
    }

    private static ForecastJobOptions forecastOptions(Map<String, Object> forecast) {
        return forecast == null ? null : new ForecastJobOptions((String) forecast.get("time_column"),
                (String) forecast.get("series_column"), ((Number) forecast.get("horizon")).intValue(),
                names(forecast.get(ForecastJobOptions.KNOWN_COVARIATES_FIELD)),
                names(forecast.get(ForecastJobOptions.PAST_COVARIATES_FIELD)),
                (String) forecast.get(ForecastJobOptions.ENSEMBLE_RULE_FIELD),
                forecast.get(ForecastJobOptions.MAX_HISTORY_FIELD) instanceof Number n ? n.intValue() : null);
    }

    // a stored list of column names; absent (a job saved before covariates) is none
    private static List<String> names(Object stored) {
        return stored instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    /** A forecast request's options in the request's field names, or null for a job that does not forecast. */
    private static Map<String, Object> forecastView(ForecastJobOptions forecast) {
        if (forecast == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("time_column", forecast.timeColumn());
        out.put("series_column", forecast.seriesColumn());
        out.put("horizon", forecast.horizon());
        out.put(ForecastJobOptions.KNOWN_COVARIATES_FIELD, forecast.knownCovariates());
        out.put(ForecastJobOptions.PAST_COVARIATES_FIELD, forecast.pastCovariates());
        // the rule and history the trainer uses: a job that named none shows the defaults
        out.put(ForecastJobOptions.ENSEMBLE_RULE_FIELD, Objects.requireNonNullElse(forecast.ensembleRule(),
                EnsembleRule.DEFAULT.id()));
        out.put(ForecastJobOptions.MAX_HISTORY_FIELD, Objects.requireNonNullElse(forecast.maxHistory(),
                ForecastTrainer.MAX_HISTORY));
        return out;
    }

    private static long millis(Map<String, Object> record, String key) {
        return record.get(key) instanceof Number n ? n.longValue() : 0;
    }

    String id() {
        return id;
    }

    TrainingJobRequest request() {
        return request;
    }

    String name() {
        return name;
    }

    long createdMillis() {
        return createdMillis;
    }

    boolean cancelRequested() {
        return cancelRequested;
    }

    synchronized void requestCancel(long nowMillis) {
        cancelRequested = true;
        if (status == Status.QUEUED) {
            status = Status.CANCELLED;
            endMillis = nowMillis;
            save(nowMillis);
        }
    }

    synchronized boolean begin(long nowMillis) {
        if (status != Status.QUEUED) {
            return false;
        }
        status = Status.RUNNING;
        startMillis = nowMillis;
        save(nowMillis);
        return true;
    }

    synchronized void trialFinished(Trial trial, Trial best, int done, double elapsedSeconds) {
        trials.add(trial);
        if (best != null && !best.metrics().isEmpty()) {
            progressed(done, best.metrics().keySet().iterator().next(), best.metrics().values().iterator().next(),
                    elapsedSeconds);
        } else {
            progressed(done, null, Double.NaN, elapsedSeconds);
        }
    }

    /**
     * A forecast's fits progressed: {@code done} member fits finished, the best family's backtest
     * MASE so far ({@code NaN} before a whole family finished).
     */
    synchronized void fitsFinished(int done, double bestMase, double elapsedSeconds) {
        progressed(done, "mase", bestMase, elapsedSeconds);
    }

    // the count, a new best score (NaN: none yet) on the best-over-time curve, saved now and then
    private void progressed(int done, String bestMetric, double score, double elapsedSeconds) {
        trialsDone = done;
        if (!Double.isNaN(score)) {
            if (bestOverTime.isEmpty() || !bestOverTime.get(bestOverTime.size() - 1).get("score").equals(score)) {
                bestOverTime.add(Map.of("seconds", round(elapsedSeconds), "score", score));
            }
            metric = bestMetric;
        }
        long now = startMillis + Math.round(elapsedSeconds * 1000);
        if (now - savedMillis >= SAVE_EVERY_MILLIS) {
            save(now);
        }
    }

    synchronized void succeeded(long nowMillis, String task, String metric, Map<String, Object> result,
                                List<Map<String, Object>> leaderboard) {
        status = Status.SUCCEEDED;
        endMillis = nowMillis;
        this.task = task;
        this.metric = metric;
        this.result = result;
        this.finalLeaderboard = leaderboard;
        save(nowMillis);
    }

    /** The service is stopping: a queued or running job stops and is marked interrupted. */
    synchronized void interrupt(long nowMillis) {
        cancelRequested = true;
        if (status == Status.QUEUED || status == Status.RUNNING) {
            markInterrupted(startMillis == 0 ? 0 : nowMillis);
            save(nowMillis);
        }
    }

    private void markInterrupted(long endedMillis) {
        status = Status.INTERRUPTED;
        endMillis = endedMillis;
        error = INTERRUPTED_MESSAGE;
    }

    synchronized void failed(long nowMillis, boolean cancelled, String message) {
        if (status == Status.INTERRUPTED) {
            return;
        }
        status = cancelled ? Status.CANCELLED : Status.FAILED;
        endMillis = nowMillis;
        error = cancelled ? null : message;
        save(nowMillis);
    }

    /** Everything needed to show the job again after a restart: its full view plus its clock readings. */
    synchronized Map<String, Object> record(long nowMillis) {
        Map<String, Object> out = view(nowMillis, true);
        out.put("created_millis", createdMillis);
        out.put("start_millis", startMillis);
        out.put("end_millis", endMillis);
        out.put("saved_millis", nowMillis);
        return out;
    }

    private void save(long nowMillis) {
        store.save(id, record(nowMillis));
        savedMillis = nowMillis;
    }

    /** The JSON view of the job. */
    synchronized Map<String, Object> view(long nowMillis, boolean full) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("status", status.name().toLowerCase(Locale.ROOT));
        out.put("dataset", request.datasetId());
        out.put("target", request.target());
        out.put("name", name);
        out.put("task", task);
        out.put("metric", metric);
        out.put("budget_seconds", request.budgetSeconds());
        out.put("column_types", request.columnTypes());
        out.put("seed", request.seed());
        out.put("forecast", forecastView(request.forecast()));
        long end = endMillis > 0 ? endMillis : nowMillis;
        out.put("elapsed_seconds", startMillis == 0 ? 0.0 : round((end - startMillis) / 1000.0));
        out.put("trials_done", trialsDone);
        if (full) {
            out.put("best_over_time", List.copyOf(bestOverTime));
            out.put("leaderboard", finalLeaderboard != null ? finalLeaderboard : liveLeaderboard());
        }
        out.put("result", result);
        out.put("error", error);
        return out;
    }

    private List<Map<String, Object>> liveLeaderboard() {
        List<Map<String, Object>> rows = new ArrayList<>();
        int rank = 1;
        for (Trial t : Leaderboard.ranked(trials)) {
            if (rows.size() == LEADERBOARD_ROWS) {
                break;
            }
            rows.add(row(rank++, t.candidate().family(), t.status().name(),
                    t.status() == TrialStatus.OK && !t.metrics().isEmpty() ? t.metrics().values().iterator().next() : null,
                    t.fitSeconds(), t.predictMicrosPerRow()));
        }
        return rows;
    }

    /** One leaderboard row of the API's shape. */
    static Map<String, Object> row(int rank, String family, String status, Double score, double fitSeconds,
                                   double predictMicros) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("rank", rank);
        row.put("family", family);
        row.put("status", status);
        row.put("score", score);
        row.put("fit_seconds", Double.isFinite(fitSeconds) ? round(fitSeconds) : null);
        row.put("predict_us_per_row", Double.isFinite(predictMicros) ? round(predictMicros) : null);
        return row;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
