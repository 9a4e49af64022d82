package io.autogate.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The dataset step's offer to forecast: shown only when the upload has a column that reads as
 * dates or times ({@code time_columns} of {@code POST /v1/datasets}). Ticked, it asks for the time
 * column, an optional column naming each series, how many steps ahead, and the covariates: other
 * columns whose values are known in advance (their future values come with each forecast) or
 * observed up to now only. It says the task in plain words and adds {@code task},
 * {@code time_column}, {@code series_column}, {@code horizon}, {@code known_covariates} and
 * {@code past_covariates} to the training request; the server checks the covariates.
 */
final class ForecastSetup extends VerticalLayout {
    private static final String ONE_SERIES = "(one series)";
    private static final int DEFAULT_HORIZON = 12;

    private final Checkbox forecast = new Checkbox("Forecast what comes next over time, instead of predicting the column from the others");
    private final Select<String> time = new Select<>();
    private final ComboBox<String> series = new ComboBox<>("Column naming each series");
    private final IntegerField horizon = new IntegerField("Steps ahead to forecast");
    private final MultiSelectComboBox<String> known = new MultiSelectComboBox<>("Known in advance (e.g. calendar, price)");
    private final MultiSelectComboBox<String> past = new MultiSelectComboBox<>("Past-only (observed up to now)");
    private final List<String> columns = new ArrayList<>();
    private String target;

    /** The offer for a dataset description; {@code task} is the step's task line, rewritten while ticked. */
    ForecastSetup(JsonNode dataset, Span task) {
        setPadding(false);
        setId("forecast-setup");
        List<String> times = new ArrayList<>();
        dataset.path("time_columns").forEach(t -> times.add(t.asText()));
        setVisible(!times.isEmpty());
        forecast.setId("forecast-task");
        time.setId("time-column");
        time.setLabel("Time column");
        time.setItems(times);
        time.setValue(times.isEmpty() ? null : times.get(0));
        List<String> seriesChoices = new ArrayList<>(List.of(ONE_SERIES));
        for (JsonNode c : dataset.path("columns")) {
            if (List.of("categorical", "id").contains(c.path("type").asText())) {
                seriesChoices.add(c.path("name").asText());
            }
        }
        series.setId("series-column");
        series.setItems(seriesChoices);
        series.setValue(ONE_SERIES);
        series.setHelperText("e.g. a store or product column; one forecast per value");
        horizon.setId("horizon");
        horizon.setMin(1);
        horizon.setMax(10_000);
        horizon.setStepButtonsVisible(true);
        horizon.setValue(DEFAULT_HORIZON);
        dataset.path("columns").forEach(c -> columns.add(c.path("name").asText()));
        known.setId("known-covariates");
        known.setClearButtonVisible(true);
        known.setHelperText("Columns whose future values you know when you ask for a forecast, such as a holiday flag"
                + " or a planned price; each forecast then needs them for every step ahead.");
        past.setId("past-covariates");
        past.setClearButtonVisible(true);
        past.setHelperText("Columns you only see as they happen, such as a sensor reading; the model learns from their"
                + " past values and needs nothing more to forecast.");
        time.addValueChangeListener(e -> offerCovariates());
        series.addValueChangeListener(e -> offerCovariates());
        offerCovariates();
        HorizontalLayout fields = new HorizontalLayout(time, series, horizon);
        fields.setAlignItems(FlexComponent.Alignment.BASELINE);
        HorizontalLayout covariates = new HorizontalLayout(known, past);
        covariates.setWidthFull();
        known.setWidth("50%");
        past.setWidth("50%");
        VerticalLayout form = new VerticalLayout(fields, covariates);
        form.setPadding(false);
        form.setVisible(false);
        String[] taskBefore = {""};
        forecast.addValueChangeListener(e -> {
            form.setVisible(e.getValue());
            if (e.getValue()) {
                taskBefore[0] = task.getText();
                task.setText("Task: forecast what comes next (the column to predict is the value to forecast)");
            } else {
                task.setText(taskBefore[0]);
            }
        });
        add(forecast, form);
    }

    /** The column to predict changed: it is no longer offered as a covariate. */
    void targetChanged(String column) {
        target = column;
        offerCovariates();
    }

    // every column but the target, time and series column; choices that stay offered stay chosen
    private void offerCovariates() {
        List<String> offered = columns.stream().filter(c -> !c.equals(target) && !c.equals(time.getValue())
                && !c.equals(series.getValue())).toList();
        for (MultiSelectComboBox<String> box : List.of(known, past)) {
            Set<String> kept = new LinkedHashSet<>(box.getSelectedItems());
            kept.retainAll(offered);
            box.setItems(offered);
            box.select(kept);
        }
    }

    /** Whether the person chose to forecast. */
    boolean chosen() {
        return isVisible() && forecast.getValue();
    }

    /** Adds the forecasting fields to a training request when chosen. */
    void addTo(ObjectNode request) {
        if (!chosen()) {
            return;
        }
        request.put("task", "forecast").put("time_column", time.getValue());
        if (series.getValue() != null && !ONE_SERIES.equals(series.getValue())) {
            request.put("series_column", series.getValue());
        }
        if (horizon.getValue() != null) {
            request.put("horizon", horizon.getValue());
        } else {
            request.putNull("horizon");
        }
        for (MultiSelectComboBox<String> box : List.of(known, past)) {
            if (!box.getSelectedItems().isEmpty()) {
                box.getSelectedItems().forEach(request.putArray(box == known ? "known_covariates" : "past_covariates")::add);
            }
        }
    }
}
