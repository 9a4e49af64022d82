package io.autogate.app.training;

import io.autogate.engine.search.Leaderboard;
import io.autogate.engine.search.Trial;
import io.autogate.engine.search.TrialStatus;
import io.autogate.gateway.training.TrainingJobRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One training job's live state, updated from the search's coordinating thread and read by HTTP
 * handlers (every method is synchronized). The view's score is the primary metric's value.
 */
final class TrainingJob {
    /** Where a job is. */
    enum Status { QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED }

    private static final int LEADERBOARD_ROWS = 15;

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

    TrainingJob(String id, TrainingJobRequest request, String name, long createdMillis) {
        this.id = id;
        this.request = request;
        this.name = name;
        this.createdMillis = createdMillis;
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
        }
    }

    synchronized boolean begin(long nowMillis) {
        if (status != Status.QUEUED) {
            return false;
        }
        status = Status.RUNNING;
        startMillis = nowMillis;
        return true;
    }

    synchronized void trialFinished(Trial trial, Trial best, int done, double elapsedSeconds) {
        trialsDone = done;
        trials.add(trial);
        if (best != null && !best.metrics().isEmpty()) {
            double score = best.metrics().values().iterator().next();
            if (bestOverTime.isEmpty() || !bestOverTime.get(bestOverTime.size() - 1).get("score").equals(score)) {
                bestOverTime.add(Map.of("seconds", round(elapsedSeconds), "score", score));
            }
            metric = best.metrics().keySet().iterator().next();
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
    }

    synchronized void failed(long nowMillis, boolean cancelled, String message) {
        status = cancelled ? Status.CANCELLED : Status.FAILED;
        endMillis = nowMillis;
        error = cancelled ? null : message;
    }

    /** The JSON view of the job. */
    synchronized Map<String, Object> view(long nowMillis, boolean full) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("status", status.name().toLowerCase(java.util.Locale.ROOT));
        out.put("dataset", request.datasetId());
        out.put("target", request.target());
        out.put("name", name);
        out.put("task", task);
        out.put("metric", metric);
        out.put("budget_seconds", request.budgetSeconds());
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
