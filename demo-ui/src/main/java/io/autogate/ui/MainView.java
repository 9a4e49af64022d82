package io.autogate.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The whole flow on one page, each step appearing when the one before it is done: upload, train
 * (polled every second; the job id is kept in the address so a reload reattaches), understand,
 * deploy, try and monitor. Every call goes through {@link GatewayClient}; a refusal is shown as a
 * sentence saying what went wrong and what to do next.
 */
@Route("")
@PageTitle("Autogate")
public class MainView extends VerticalLayout implements BeforeEnterObserver {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FINISHED = Set.of("succeeded", "failed", "cancelled");
    private static final Map<String, String> POLICIES = new LinkedHashMap<>();

    static {
        POLICIES.put("single", "Single: every request goes to this model.");
        POLICIES.put("ab", "A/B test: requests are split between this model and another, so you can compare them on real traffic.");
        POLICIES.put("shadow", "Shadow: the other model keeps answering; this one gets a silent copy of each request to compare, never seen by callers.");
        POLICIES.put("canary", "Canary: this model takes a growing share of traffic (5%, 25%, 50%, 100%) and is rolled back by itself if it does worse.");
    }

    private final transient UiSettings settings;
    private final transient GatewayClient client;

    private final Div error = new Div();
    private final VerticalLayout datasetStep = step("2. Check the data");
    private final VerticalLayout trainStep = step("3. Training");
    private final VerticalLayout resultStep = step("4. How good is it?");
    private final VerticalLayout deployStep = step("5. Put it behind an endpoint");
    private final VerticalLayout tryStep = step("6. Try it");
    private final VerticalLayout monitorStep = step("7. Watch it");

    private final Span jobStatus = new Span();
    private final ProgressBar progress = new ProgressBar();
    private final Image bestChart = new Image();
    private final Grid<JsonNode> leaderboard = leaderboardGrid();
    private final Div monitorText = new Div();

    private JsonNode dataset;
    private ForecastSetup forecastSetup;
    private String jobId;
    private JsonNode finishedJob;
    private String endpoint;
    private int polls;

    /** The view, reading the launcher's settings. */
    public MainView() {
        this.settings = UiSettings.current();
        this.client = settings.client();
        addClassName("autogate");
        setMaxWidth("1100px");
        add(new H1("Autogate"), new Paragraph("Upload a table, pick the column to predict, and get a model you can use"
                + " over HTTP, in a few minutes and without code."));
        error.setId("error");
        error.addClassName("error");
        error.setVisible(false);
        add(error, uploadStep(), datasetStep, trainStep, resultStep, deployStep, tryStep, monitorStep);
        List.of(datasetStep, trainStep, resultStep, deployStep, tryStep, monitorStep).forEach(s -> s.setVisible(false));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        ui.setPollInterval(1000);
        ui.addPollListener(e -> refresh());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> job = event.getLocation().getQueryParameters().getParameters().get("job");
        if (job != null && !job.isEmpty()) {
            jobId = job.get(0);
            trainStep.setVisible(true);
            refresh();
        }
    }

    private static VerticalLayout step(String title) {
        VerticalLayout step = new VerticalLayout(new H2(title));
        step.addClassName("step");
        step.setPadding(true);
        return step;
    }

    // ---- 1. upload ----------------------------------------------------------------------------

    private VerticalLayout uploadStep() {
        VerticalLayout step = step("1. Upload a dataset");
        long mb = settings.maxUploadBytes() / (1024 * 1024);
        Upload upload = new Upload(UploadHandler.inMemory((meta, bytes) -> {
            UI ui = UI.getCurrent();
            Runnable work = () -> upload(meta.fileName(), bytes);
            if (ui != null) {
                ui.access(work::run);
            } else {
                work.run();
            }
        }));
        upload.setId("upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) settings.maxUploadBytes());
        upload.addFileRejectedListener(e -> showError("That file was not accepted: " + e.getErrorMessage()
                + ". Upload a CSV file of at most " + mb + " MB."));
        step.add(new Paragraph("Drag and drop a CSV file here (a table with a header row; at most " + mb + " MB)."), upload);
        List<Path> samples = samples();
        if (!samples.isEmpty() && registryEmpty()) {
            HorizontalLayout row = new HorizontalLayout();
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            row.add(new Span("No models yet? Start from a sample:"));
            for (Path sample : samples) {
                String name = sample.getFileName().toString();
                Button b = new Button(name, e -> {
                    try {
                        upload(name, Files.readAllBytes(sample));
                    } catch (IOException ex) {
                        showError("The sample " + name + " cannot be read: " + ex.getMessage());
                    }
                });
                b.setId("sample-" + name.replace(".csv", ""));
                row.add(b);
            }
            step.add(row);
        }
        return step;
    }

    private List<Path> samples() {
        if (settings.samples() == null || !Files.isDirectory(settings.samples())) {
            return List.of();
        }
        try (var files = Files.list(settings.samples())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private boolean registryEmpty() {
        try {
            return client.models().path("models").isEmpty();
        } catch (GatewayException e) {
            return true;
        }
    }

    private void upload(String fileName, byte[] bytes) {
        clearError();
        try {
            showDataset(client.uploadDataset(fileName, bytes));
        } catch (GatewayException e) {
            showError("That file could not be used: " + e.getMessage() + ". " + nextStepFor(e));
        }
    }

    private static String nextStepFor(GatewayException e) {
        if (e.status() == 413) {
            return "Try a smaller file, or a sample of its rows.";
        }
        if (e.status() == 0) {
            return "Start the server with bin/autogate up and reload this page.";
        }
        return "Check that it is a CSV file with a header row and at least 20 data rows, then upload it again.";
    }

    // ---- 2. dataset ---------------------------------------------------------------------------

    private void showDataset(JsonNode ds) {
        dataset = ds;
        datasetStep.removeAll();
        datasetStep.add(new H2("2. Check the data"));
        datasetStep.add(new Paragraph(ds.get("name").asText() + ": " + ds.get("rows").asInt() + " rows, "
                + ds.get("columns").size() + " columns. The first rows:"));
        Grid<JsonNode> preview = new Grid<>();
        preview.setId("preview");
        for (JsonNode c : ds.get("columns")) {
            String name = c.get("name").asText();
            preview.addColumn(r -> r.path(name).asText()).setHeader(name).setAutoWidth(true);
        }
        List<JsonNode> rows = new ArrayList<>();
        ds.get("preview").forEach(rows::add);
        preview.setItems(rows);
        preview.setAllRowsVisible(true);
        datasetStep.add(preview);

        Map<String, Select<String>> types = new LinkedHashMap<>();
        HorizontalLayout typeRow = new HorizontalLayout();
        typeRow.getStyle().set("flex-wrap", "wrap");
        for (JsonNode c : ds.get("columns")) {
            Select<String> type = new Select<>();
            type.setLabel(c.get("name").asText());
            String inferred = c.get("type").asText();
            type.setItems(inferred, "ignore");
            type.setValue(inferred);
            types.put(c.get("name").asText(), type);
            typeRow.add(type);
        }
        datasetStep.add(new Paragraph("Column types as detected; set a column to 'ignore' to leave it out:"), typeRow);

        ComboBox<String> target = new ComboBox<>("Column to predict");
        target.setId("target");
        List<String> usable = new ArrayList<>();
        for (JsonNode c : ds.get("columns")) {
            if (!c.path("task_if_target").isNull()) {
                usable.add(c.get("name").asText());
            }
        }
        target.setItems(usable);
        Span task = new Span();
        task.setId("task");
        target.addValueChangeListener(e -> task.setText(e.getValue() == null ? "" : "Task: " + taskWords(e.getValue())));
        target.setValue(ds.path("suggested_target").asText(null));
        IntegerField budget = new IntegerField("Time budget (seconds)");
        budget.setId("budget");
        budget.setMin(5);
        budget.setMax(600);
        budget.setStep(5);
        budget.setStepButtonsVisible(true);
        budget.setValue(30);
        TextField name = new TextField("Model name");
        name.setId("model-name");
        name.setValue(ds.get("name").asText().replaceFirst("(?i)\\.csv$", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", ""));
        Button train = new Button("Train", e -> train(target.getValue(), budget.getValue(), name.getValue(), types));
        train.setId("train");
        train.addThemeVariants(ButtonVariant.PRIMARY);
        HorizontalLayout controls = new HorizontalLayout(target, budget, name, train);
        controls.setAlignItems(FlexComponent.Alignment.BASELINE);
        forecastSetup = new ForecastSetup(ds, task);
        datasetStep.add(controls, task, forecastSetup);
        datasetStep.setVisible(true);
    }

    private String taskWords(String column) {
        for (JsonNode c : dataset.get("columns")) {
            if (c.get("name").asText().equals(column)) {
                return c.path("task_words").asText("");
            }
        }
        return "";
    }

    // ---- 3. train -----------------------------------------------------------------------------

    private void train(String target, Integer budget, String name, Map<String, Select<String>> types) {
        clearError();
        if (target == null) {
            showError("Choose the column to predict first.");
            return;
        }
        ObjectNode request = JSON.createObjectNode().put("dataset", dataset.get("id").asText()).put("target", target)
                .put("budget_seconds", budget == null ? 30 : budget);
        if (name != null && !name.isBlank()) {
            request.put("name", name);
        }
        forecastSetup.addTo(request);
        ObjectNode overrides = request.putObject("column_types");
        types.forEach((column, select) -> {
            if ("ignore".equals(select.getValue())) {
                overrides.put(column, "ignore");
            }
        });
        try {
            JsonNode job = client.startJob(request);
            jobId = job.get("id").asText();
            finishedJob = null;
            UI.getCurrent().navigate(MainView.class, QueryParameters.of("job", jobId));
            showJob(job);
        } catch (GatewayException e) {
            showError("Training could not start: " + e.getMessage() + ".");
        }
    }

    private void refresh() {
        polls++;
        if (jobId != null && finishedJob == null) {
            try {
                showJob(client.job(jobId));
            } catch (GatewayException e) {
                showError("The training job " + jobId + " is not known to the server (it may have restarted): "
                        + e.getMessage() + ". Upload the data again to train.");
                jobId = null;
            }
        }
        if (endpoint != null && polls % 2 == 0) {
            showMonitor();
        }
    }

    private void showJob(JsonNode job) {
        trainStep.removeAll();
        trainStep.add(new H2("3. Training"));
        String status = job.get("status").asText();
        double elapsed = job.get("elapsed_seconds").asDouble();
        int budget = job.get("budget_seconds").asInt();
        jobStatus.setId("job-status");
        jobStatus.setText(String.format(Locale.ROOT, "%s: %.0f of %d seconds, %d models tried", status, elapsed, budget,
                job.get("trials_done").asInt()));
        progress.setMin(0);
        progress.setMax(budget);
        progress.setValue(Math.min(budget, elapsed));
        trainStep.add(jobStatus, progress);
        if (!FINISHED.contains(status)) {
            Button cancel = new Button("Cancel", e -> {
                try {
                    client.cancelJob(jobId);
                } catch (GatewayException ex) {
                    showError("The job could not be cancelled: " + ex.getMessage());
                }
            });
            cancel.setId("cancel");
            trainStep.add(cancel);
        }
        if (job.path("best_over_time").size() > 0) {
            bestChart.setSrc(Charts.bestOverTime(job.get("best_over_time"), job.path("metric").asText("score")));
            bestChart.setAlt("best score over time");
            bestChart.setId("best-chart");
            trainStep.add(bestChart);
        }
        List<JsonNode> rows = new ArrayList<>();
        job.path("leaderboard").forEach(rows::add);
        leaderboard.setItems(rows);
        String metric = job.path("metric").asText("");
        String better = Set.of("logloss", "rmse", "mae", "mase").contains(metric) ? "lower is better" : "higher is better";
        trainStep.add(new Paragraph("Leaderboard (score: " + metric + " on rows held out during training, " + better + ")"),
                leaderboard);
        trainStep.setVisible(true);
        if (FINISHED.contains(status)) {
            finishedJob = job;
            if ("succeeded".equals(status)) {
                showResult(job);
            } else if ("failed".equals(status)) {
                showError(job.path("error").asText("Training failed.") + ". Check the column to predict and that the"
                        + " data has enough rows of each kind, then train again.");
            } else {
                showError("Training was cancelled; nothing was registered. Train again when you are ready.");
            }
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

    // ---- 4. understand --------------------------------------------------------------------------

    private void showResult(JsonNode job) {
        JsonNode result = job.get("result");
        resultStep.removeAll();
        resultStep.add(new H2("4. How good is it?"));
        Div card = new Div();
        card.setId("verdict");
        card.addClassName("card");
        card.add(new Span("The model " + result.get("ref").asText() + " is ready. "
                + PlainWords.verdict(result, job.path("task").asText())));
        resultStep.add(card);
        if (result.path("robustness_summary").isTextual()) {
            Div shift = new Div(new Span("How it holds up on data unlike its training rows: "
                    + result.get("robustness_summary").asText() + "."));
            shift.setId("robustness");
            shift.addClassName("card");
            resultStep.add(shift);
        }
        resultStep.add(new ResultChartsPanel(client, job, this::showError));
        resultStep.setVisible(true);
        showDeploy(result);
    }

    // ---- 5. deploy ------------------------------------------------------------------------------

    private void showDeploy(JsonNode result) {
        String model = result.get("model").asText();
        int version = result.get("version").asInt();
        deployStep.removeAll();
        deployStep.add(new H2("5. Put it behind an endpoint"));
        if (result.has("backtest")) { // a forecast: served by its model's forecast route, not an endpoint policy
            deployStep.add(new ForecastDeployPanel(client, result, tryStep, this::showError));
            deployStep.setVisible(true);
            return;
        }
        TextField alias = new TextField("Alias");
        alias.setValue("production");
        alias.setHelperText("A stable name for this version, e.g. production.");
        TextField name = new TextField("Endpoint");
        name.setId("endpoint-name");
        name.setValue(model);
        name.setHelperText("Applications call /v1/endpoints/<name>/predict.");
        Select<String> policy = new Select<>();
        policy.setLabel("How traffic is routed");
        policy.setItems(POLICIES.keySet());
        policy.setValue("single");
        Span explain = new Span(POLICIES.get("single"));
        explain.setId("policy-explained");
        ComboBox<String> other = new ComboBox<>("Other model");
        other.setItems(otherVersions(model + "@" + version));
        other.setVisible(false);
        policy.addValueChangeListener(e -> {
            explain.setText(POLICIES.get(e.getValue()));
            other.setVisible(!"single".equals(e.getValue()));
        });
        Span done = new Span();
        done.setId("deployed");
        Button deploy = new Button("Deploy", e -> deploy(model, version, alias.getValue(), name.getValue(), policy.getValue(),
                other.getValue(), done));
        deploy.setId("deploy");
        deploy.addThemeVariants(ButtonVariant.PRIMARY);
        HorizontalLayout row = new HorizontalLayout(alias, name, policy, other, deploy);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        deployStep.add(row, explain, done);
        deployStep.setVisible(true);
    }

    private List<String> otherVersions(String self) {
        List<String> out = new ArrayList<>();
        try {
            for (JsonNode m : client.models().path("models")) {
                for (JsonNode v : m.path("versions")) {
                    String ref = m.path("name").asText() + "@" + (v.isNumber() ? v.asInt() : v.path("version").asInt());
                    if (!ref.equals(self)) {
                        out.add(ref);
                    }
                }
            }
        } catch (GatewayException e) {
            // no list: the single policy still works
        }
        return out;
    }

    private void deploy(String model, int version, String alias, String name, String type, String other, Span done) {
        clearError();
        String self = model + "@" + version;
        if (!"single".equals(type) && (other == null || other.isBlank())) {
            showError("The " + type + " policy compares two models: choose the other model first.");
            return;
        }
        ObjectNode policy = JSON.createObjectNode().put("type", type);
        switch (type) {
            case "ab" -> {
                ArrayNode arms = policy.putArray("arms");
                arms.addObject().put("name", "a").put("model", other).put("weight", 50);
                arms.addObject().put("name", "b").put("model", self).put("weight", 50);
            }
            case "shadow" -> policy.put("primary", other).put("shadow", self).put("sample", 1.0);
            case "canary" -> {
                policy.put("stable", other).put("candidate", self);
                policy.putArray("steps").add(5).add(25).add(50).add(100);
            }
            default -> policy.put("model", self);
        }
        try {
            if (alias != null && !alias.isBlank()) {
                client.putAlias(model, alias, version);
            }
            client.putEndpoint(name, policy);
            endpoint = name;
            done.setText("Deployed: " + client.base().resolve("/v1/endpoints/" + name + "/predict") + " answers with " + self
                    + (alias == null || alias.isBlank() ? "" : " (alias " + model + ":" + alias + ")") + ".");
            showTry(model);
            showMonitor();
        } catch (GatewayException e) {
            showError("The endpoint could not be set up: " + e.getMessage() + ".");
        }
    }

    // ---- 6. try ---------------------------------------------------------------------------------

    private void showTry(String model) {
        tryStep.removeAll();
        tryStep.add(new H2("6. Try it"));
        JsonNode schema = client.model(model).path("schema");
        JsonNode example = dataset != null && dataset.path("preview").size() > 0 ? dataset.get("preview").get(0) : null;
        Map<String, TextField> fields = new LinkedHashMap<>();
        HorizontalLayout form = new HorizontalLayout();
        form.getStyle().set("flex-wrap", "wrap");
        for (JsonNode c : schema.path("columns")) {
            String name = c.get("name").asText();
            if (!c.path("feature").asBoolean(true) || name.equals(schema.path("target").asText())) {
                continue;
            }
            TextField f = new TextField(name);
            f.setId("field-" + name);
            f.setHelperText(c.path("type").asText());
            if (example != null) {
                f.setValue(example.path(name).asText(""));
            }
            fields.put(name, f);
            form.add(f);
        }
        Div answer = new Div();
        answer.setId("prediction");
        answer.addClassName("card");
        Image chart = new Image();
        chart.setVisible(false);
        Button predict = new Button("Predict", e -> predict(fields, answer, chart));
        predict.setId("predict");
        predict.addThemeVariants(ButtonVariant.PRIMARY);
        tryStep.add(new Paragraph("Fill in a row (prefilled with the first row of your data) and ask the model:"), form,
                predict, answer, chart);

        Anchor download = new Anchor();
        download.setText("Download the scored CSV");
        download.setVisible(false);
        download.setId("scored-download");
        Upload batch = new Upload(UploadHandler.inMemory((meta, bytes) -> {
            UI ui = UI.getCurrent();
            Runnable work = () -> scoreBatch(meta.fileName(), bytes, download);
            if (ui != null) {
                ui.access(work::run);
            } else {
                work.run();
            }
        }));
        batch.setId("batch-upload");
        batch.setMaxFiles(1);
        batch.setMaxFileSize((int) settings.maxUploadBytes());
        tryStep.add(new Paragraph("Or score a whole CSV file with the same columns:"), batch, download);
        tryStep.setVisible(true);
    }

    private void predict(Map<String, TextField> fields, Div answer, Image chart) {
        clearError();
        ObjectNode row = JSON.createObjectNode();
        fields.forEach((name, f) -> {
            if (f.getValue() != null && !f.getValue().isBlank()) {
                row.put(name, f.getValue());
            }
        });
        ObjectNode body = JSON.createObjectNode();
        body.putArray("rows").add(row);
        try {
            JsonNode p = client.predict(endpoint, body).path("predictions").path(0);
            answer.setText("Prediction: " + p.path("prediction").asText());
            if (p.has("probabilities")) {
                Map<String, Double> probs = new LinkedHashMap<>();
                p.get("probabilities").properties().forEach(e -> probs.put(e.getKey(), e.getValue().asDouble()));
                StringBuilder text = new StringBuilder(answer.getText()).append(" (");
                probs.forEach((k, v) -> text.append(k).append(' ').append(Math.round(v * 100)).append("%, "));
                answer.setText(text.substring(0, text.length() - 2) + ")");
                chart.setSrc(Charts.bars("How sure it is", "probability", probs));
                chart.setAlt("class probabilities");
                chart.setVisible(true);
            }
        } catch (GatewayException e) {
            showError("The model could not answer: " + e.getMessage() + ". Correct the field named and try again.");
        }
    }

    private void scoreBatch(String fileName, byte[] csv, Anchor download) {
        clearError();
        try {
            byte[] scored = client.batch(endpoint, csv);
            String out = fileName.replaceFirst("(?i)\\.csv$", "") + "-scored.csv";
            download.setHref(DownloadHandler.fromInputStream(event -> new DownloadResponse(new ByteArrayInputStream(scored), out,
                    "text/csv", scored.length)));
            download.getElement().setAttribute("download", out);
            download.setVisible(true);
        } catch (GatewayException e) {
            showError("That file could not be scored: " + e.getMessage() + ".");
        }
    }

    // ---- 7. monitor -----------------------------------------------------------------------------

    private void showMonitor() {
        if (endpoint == null) {
            return;
        }
        try {
            JsonNode report = client.report(endpoint);
            JsonNode drift = client.drift(endpoint);
            StringBuilder text = new StringBuilder("Endpoint " + endpoint + " (" + report.path("type").asText() + "). ");
            long total = 0;
            for (JsonNode arm : report.path("arms")) {
                total += arm.path("requests").asLong();
            }
            for (JsonNode arm : report.path("arms")) {
                long n = arm.path("requests").asLong();
                text.append(String.format(Locale.ROOT, "Arm %s (%s): %d requests%s, %.1f%% errors, typical %.1f ms, slowest 1%% %.1f ms. ",
                        arm.path("name").asText(), arm.path("model").asText(), n,
                        total > 0 ? String.format(Locale.ROOT, " (%d%% of traffic)", Math.round(100.0 * n / total)) : "",
                        100 * arm.path("error_rate").asDouble(), arm.path("p50_ms").asDouble(), arm.path("p99_ms").asDouble()));
            }
            if (report.has("shadow")) {
                text.append("Shadow: ").append(report.get("shadow").toString()).append(". ");
            }
            if (report.has("canary")) {
                JsonNode c = report.get("canary");
                text.append("Canary: ").append(c.path("state").asText(c.path("status").asText())).append(", step ")
                        .append(c.path("step").asText("?")).append(". ");
            }
            for (JsonNode m : drift.path("models")) {
                text.append("Input drift of ").append(m.path("model").asText()).append(": ").append(m.path("status").asText())
                        .append(" after ").append(m.path("observed").asLong()).append(" rows");
                List<String> drifting = new ArrayList<>();
                for (JsonNode f : m.path("features")) {
                    if (f.path("drifting").asBoolean(false)) {
                        drifting.add(f.path("feature").asText(f.path("name").asText()));
                    }
                }
                text.append(drifting.isEmpty() ? "; no feature drifting. " : "; drifting: " + String.join(", ", drifting) + ". ");
            }
            monitorText.setId("monitor");
            monitorText.setText(text.toString());
            monitorStep.removeAll();
            monitorStep.add(new H2("7. Watch it"), new Paragraph("Refreshed every two seconds."), monitorText);
            monitorStep.setVisible(true);
        } catch (GatewayException e) {
            monitorText.setText("The endpoint report is not available: " + e.getMessage());
        }
    }

    // ---- errors ---------------------------------------------------------------------------------

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    private void clearError() {
        error.setText("");
        error.setVisible(false);
    }
}
