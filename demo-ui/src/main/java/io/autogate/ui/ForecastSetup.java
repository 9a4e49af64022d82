package io.autogate.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.ArrayList;
import java.util.List;

/**
 * The dataset step's offer to forecast: shown only when the upload has a column that reads as
 * dates or times ({@code time_columns} of {@code POST /v1/datasets}). Ticked, it asks for the time
 * column, an optional column naming each series and how many steps ahead, says the task in plain
 * words, and adds {@code task}, {@code time_column}, {@code series_column} and {@code horizon} to
 * the training request.
 */
final class ForecastSetup extends VerticalLayout {
    private static final String ONE_SERIES = "(one series)";
    private static final int DEFAULT_HORIZON = 12;

    private final Checkbox forecast = new Checkbox("Forecast what comes next over time, instead of predicting the column from the others");
    private final Select<String> time = new Select<>();
    private final ComboBox<String> series = new ComboBox<>("Column naming each series");
    private final IntegerField horizon = new IntegerField("Steps ahead to forecast");

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
        HorizontalLayout fields = new HorizontalLayout(time, series, horizon);
        fields.setAlignItems(FlexComponent.Alignment.BASELINE);
        fields.setVisible(false);
        String[] taskBefore = {""};
        forecast.addValueChangeListener(e -> {
            fields.setVisible(e.getValue());
            if (e.getValue()) {
                taskBefore[0] = task.getText();
                task.setText("Task: forecast what comes next (the column to predict is the value to forecast)");
            } else {
                task.setText(taskBefore[0]);
            }
        });
        add(forecast, fields);
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
    }
}
