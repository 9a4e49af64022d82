package io.autogate.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Step 3: a training job's progress (elapsed of budget, models tried or a forecast's fits done,
 * best score over time, the leaderboard as it grows) and a cancel button, until the job is finished; a succeeded job is
 * handed on, a failed or cancelled one is explained in the error banner, and an interrupted one
 * (the server stopped while it ran) can be trained again with the same request.
 */
final class TrainStep extends Step implements LiveSource {
    private static final Set<String> FINISHED = Set.of("succeeded", "failed", "cancelled", "interrupted");

    private final transient Consumer<JsonNode> succeeded;
    private final transient Consumer<JsonNode> restarted;
    private final Span jobStatus = new Span();
    private final ProgressBar progress = new ProgressBar();
    private final Image bestChart = new Image();
    private final Grid<JsonNode> leaderboard = leaderboardGrid();
    private volatile String jobId;
    private volatile boolean finished;

    /**
     * The step; {@code succeeded} receives the view of a job that finished with a model,
     * {@code restarted} the view of the job started again in place of an interrupted one.
     */
    TrainStep(Flow flow, Consumer<JsonNode> succeeded, Consumer<JsonNode> restarted) {
        super(flow, "3. Training");
        this.succeeded = succeeded;
        this.restarted = restarted;
        setVisible(false);
    }

    /** Follows the job {@code id} from now on (its state is read on the next {@link #poll()}). */
    void follow(String id) {
        jobId = id;
        finished = false;
        setVisible(true);
    }

    /** The job followed, or null. */
    String jobId() {
        return jobId;
    }

    /** Whether a job is followed and not finished yet. */
    boolean following() {
        return jobId != null && !finished;
    }

    /**
     * Reads the followed job from the gateway, if it is not finished yet: the update that shows it,
     * or says the server does not know it; null when there is nothing to follow or the gateway is
     * briefly unreachable (the next poll tries again).
     */
    @Override
    public Runnable poll() {
        String id = jobId;
        if (id == null || finished) {
            return null;
        }
        try {
            JsonNode job = flow.client().job(id);
            return () -> show(job);
        } catch (GatewayException e) {
            if (e.status() != 404) {
                return null;
            }
            return () -> {
                flow.showError("The training job " + id + " is not known to the server: " + e.getMessage()
                        + ". Upload the data again to train.");
                jobId = null;
            };
        }
    }

    /** Shows a job's state as the gateway describes it. */
    void show(JsonNode job) {
        reset();
        String status = job.get("status").asText();
        double elapsed = job.get("elapsed_seconds").asDouble();
        int budget = job.get("budget_seconds").asInt();
        jobStatus.setId("job-status");
        // a forecast counts its fits: each family on each series, a global family once
        jobStatus.setText(String.format(Locale.ROOT, "%s: %.0f of %d seconds, %d %s", status, elapsed, budget,
                job.get("trials_done").asInt(), job.path("forecast").isObject() ? "fits done" : "models tried"));
        progress.setMin(0);
        progress.setMax(budget);
        progress.setValue(Math.min(budget, elapsed));
        add(jobStatus, progress);
        if (!FINISHED.contains(status)) {
            Button cancel = new Button("Cancel", e -> cancel());
            cancel.setId("cancel");
            add(cancel);
        }
        if (job.path("best_over_time").size() > 0) {
            bestChart.setSrc(Charts.bestOverTime(job.get("best_over_time"), job.path("metric").asText("score")));
            bestChart.setAlt("best score over time");
            bestChart.setId("best-chart");
            add(bestChart);
        }
        List<JsonNode> rows = new ArrayList<>();
        job.path("leaderboard").forEach(rows::add);
        leaderboard.setItems(rows);
        String metric = job.path("metric").asText("");
        String better = Set.of("logloss", "rmse", "mae", "mase").contains(metric) ? "lower is better" : "higher is better";
        add(new Paragraph("Leaderboard (score: " + metric + " on rows held out during training, " + better + ")"),
                leaderboard);
        setVisible(true);
        if (FINISHED.contains(status)) {
            finished = true;
            if ("succeeded".equals(status)) {
                succeeded.accept(job);
            } else if ("interrupted".equals(status)) {
                flow.showError("This training was cut short: the server stopped while it ran, so nothing was registered."
                        + " The models tried so far are listed below; press Train again to run it once more.");
                Button again = new Button("Train again", e -> trainAgain(job));
                again.setId("train-again");
                add(again);
            } else if ("failed".equals(status)) {
                flow.showError(job.path("error").asText("Training failed.") + ". Check the column to predict and that the"
                        + " data has enough rows of each kind, then train again.");
            } else {
                flow.showError("Training was cancelled; nothing was registered. Train again when you are ready.");
            }
        }
    }

    /**
     * Starts a job with the same request as {@code job} (dataset, target, column types, budget, name,
     * seed, and a forecast's time column, series column and horizon).
     */
    private void trainAgain(JsonNode job) {
        flow.clearError();
        ObjectNode request = Flow.JSON.createObjectNode();
        for (String field : List.of("dataset", "target", "budget_seconds", "name", "seed", "column_types")) {
            request.set(field, job.get(field));
        }
        if (job.path("forecast").isObject()) {
            request.put("task", "forecast").setAll((ObjectNode) job.get("forecast"));
        }
        try {
            restarted.accept(flow.client().startJob(request));
        } catch (GatewayException e) {
            flow.showError("Training could not start again: " + e.getMessage() + ".");
        }
    }

    private void cancel() {
        try {
            flow.client().cancelJob(jobId);
        } catch (GatewayException ex) {
            flow.showError("The job could not be cancelled: " + ex.getMessage());
        }
    }

    private static Grid<JsonNode> leaderboardGrid() {
        Grid<JsonNode> grid = new Grid<>();
        grid.setId("leaderboard");
        grid.addColumn(r -> r.path("rank").asInt()).setHeader("#").setAutoWidth(true);
        grid.addColumn(r -> r.path("family").asText()).setHeader("Model family").setAutoWidth(true);
        grid.addColumn(r -> r.path("score").isNumber() ? String.format(Locale.ROOT, "%.4f", r.get("score").asDouble()) : "-")
                .setHeader("Score");
        grid.addColumn(r -> r.path("fit_seconds").isNumber() ? String.format(Locale.ROOT, "%.2f s", r.get("fit_seconds").asDouble()) : "-")
                .setHeader("Training time");
        grid.addColumn(r -> r.path("predict_us_per_row").isNumber()
                ? String.format(Locale.ROOT, "%.1f µs", r.get("predict_us_per_row").asDouble()) : "-").setHeader("Time per prediction");
        grid.addColumn(r -> r.path("status").asText()).setHeader("Status");
        grid.setAllRowsVisible(true);
        return grid;
    }
}
