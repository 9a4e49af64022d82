package io.autogate.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Step 2: the first rows, the detected column types (each can be set to numeric, categorical,
 * datetime, text or ignore; only changes are sent), the suggested column to predict
 * with the task in plain words, the offer to forecast instead ({@link ForecastSetup}, when a column
 * reads as dates), the time budget and the model name; the Train button starts a job.
 */
final class DataStep extends Step {
    /** The types a column can be set to, as the training route names them. */
    private static final List<String> SETTABLE = List.of("numeric", "categorical", "datetime", "text", "ignore");

    private final transient Consumer<JsonNode> started;
    private ForecastSetup forecastSetup;

    /** The step; {@code started} receives the gateway's view of a job it accepted. */
    DataStep(Flow flow, Consumer<JsonNode> started) {
        super(flow, "2. Check the data");
        this.started = started;
        setVisible(false);
    }

    /** Shows an uploaded dataset. */
    void show(JsonNode ds) {
        flow.dataset(ds);
        reset();
        add(new Paragraph(ds.get("name").asText() + ": " + ds.get("rows").asInt() + " rows, "
                + ds.get("columns").size() + " columns. The first rows:"));
        add(preview(ds));

        Map<String, Select<String>> types = new LinkedHashMap<>();
        HorizontalLayout typeRow = new HorizontalLayout();
        typeRow.getStyle().set("flex-wrap", "wrap");
        Map<String, String> inferred = new LinkedHashMap<>();
        for (JsonNode c : ds.get("columns")) {
            String column = c.get("name").asText();
            Select<String> type = new Select<>();
            type.setLabel(column);
            type.setId("type-" + column);
            inferred.put(column, c.get("type").asText());
            Set<String> choices = new LinkedHashSet<>();
            choices.add(inferred.get(column));
            choices.addAll(SETTABLE);
            type.setItems(choices);
            type.setValue(inferred.get(column));
            types.put(column, type);
            typeRow.add(type);
        }
        add(new Paragraph("Column types as detected. Change one when it is read wrongly (a code such as a zip is a"
                + " category, not a number), or set it to 'ignore' to leave it out:"), typeRow);

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
        forecastSetup = new ForecastSetup(ds, task);
        target.addValueChangeListener(e -> {
            task.setText(e.getValue() == null ? "" : "Task: " + taskWords(ds, e.getValue()));
            forecastSetup.targetChanged(e.getValue());
        });
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
        Button train = new Button("Train", e -> train(ds, target.getValue(), budget.getValue(), name.getValue(), types, inferred));
        train.setId("train");
        train.addThemeVariants(ButtonVariant.PRIMARY);
        HorizontalLayout controls = new HorizontalLayout(target, budget, name, train);
        controls.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(controls, task, forecastSetup);
        setVisible(true);
    }

    private static Grid<JsonNode> preview(JsonNode ds) {
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
        return preview;
    }

    private static String taskWords(JsonNode ds, String column) {
        for (JsonNode c : ds.get("columns")) {
            if (c.get("name").asText().equals(column)) {
                return c.path("task_words").asText("");
            }
        }
        return "";
    }

    private void train(JsonNode ds, String target, Integer budget, String name, Map<String, Select<String>> types,
                       Map<String, String> inferred) {
        flow.clearError();
        if (target == null) {
            flow.showError("Choose the column to predict first.");
            return;
        }
        ObjectNode request = Flow.JSON.createObjectNode().put("dataset", ds.get("id").asText()).put("target", target)
                .put("budget_seconds", budget == null ? 30 : budget);
        if (name != null && !name.isBlank()) {
            request.put("name", name);
        }
        forecastSetup.addTo(request);
        ObjectNode overrides = request.putObject("column_types");
        // only the changed columns, and never the target: its type follows from the task
        types.forEach((column, select) -> {
            if (!column.equals(target) && !select.getValue().equals(inferred.get(column))) {
                overrides.put(column, select.getValue());
            }
        });
        try {
            started.accept(flow.client().startJob(request));
        } catch (GatewayException e) {
            flow.showError("Training could not start: " + e.getMessage() + ".");
        }
    }
}
