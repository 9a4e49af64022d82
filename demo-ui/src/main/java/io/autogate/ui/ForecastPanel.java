package io.autogate.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A forecast of one series drawn after its history, with its 80% and 95% bands, from the
 * gateway's {@code POST /v1/models/{ref}/forecast} (with {@code include_history}). With controls
 * (the try step) it asks for the series and the horizon and lists the forecast in words too;
 * without (the result step) it shows the first series at the model's horizon. A model with
 * known-in-advance covariates needs their future values ({@link FutureCovariates}): the try step
 * takes them as CSV lines and says how applications send them; the result step says so instead of
 * drawing. Element ids are prefixed with {@code idPrefix}.
 */
final class ForecastPanel extends VerticalLayout {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_HORIZON = 10_000;
    private static final int MAX_LISTED = 12;

    private final transient GatewayClient client;
    private final String modelRef;
    private final transient Consumer<String> onError;
    private final Image chart = new Image();
    private final Div words = new Div();

    /**
     * A panel forecasting {@code modelRef} from a forecast job's {@code result}: its series (the
     * first shown at once), its horizon and its known covariates; failures go to {@code onError}
     * as a sentence.
     */
    ForecastPanel(GatewayClient client, String modelRef, JsonNode result, boolean controls, String idPrefix,
                  Consumer<String> onError) {
        this.client = client;
        this.modelRef = modelRef;
        this.onError = onError;
        List<String> seriesIds = new ArrayList<>();
        result.path("series").forEach(s -> seriesIds.add(s.asText()));
        int horizon = result.path("horizon").asInt(1);
        List<String> known = FutureCovariates.known(result);
        setPadding(false);
        chart.setId(idPrefix + "-chart");
        chart.setAlt("history and forecast with 80% and 95% intervals");
        words.setId(idPrefix + "-words");
        if (!known.isEmpty()) {
            Paragraph needed = new Paragraph(FutureCovariates.needed(known, modelRef));
            needed.setId(idPrefix + "-needs-future");
            add(needed);
        }
        if (controls) {
            Select<String> series = new Select<>();
            series.setId(idPrefix + "-series");
            series.setLabel("Series");
            series.setItems(seriesIds);
            series.setValue(seriesIds.isEmpty() ? null : seriesIds.get(0));
            series.setVisible(seriesIds.size() > 1);
            IntegerField steps = new IntegerField("Steps ahead");
            steps.setId(idPrefix + "-horizon");
            steps.setMin(1);
            steps.setMax(MAX_HORIZON);
            steps.setStepButtonsVisible(true);
            steps.setValue(horizon);
            TextArea future = new TextArea("Future values, one line per step ahead");
            future.setId(idPrefix + "-future");
            future.setHelperText("Each line is one step ahead: its time is filled in; add the value of "
                    + String.join(", ", known) + " after each comma");
            future.setWidthFull();
            future.setVisible(!known.isEmpty());
            if (!known.isEmpty()) {
                Runnable refill = () -> future.setValue(futureLines(known, series.getValue(), steps.getValue()));
                refill.run();
                series.addValueChangeListener(e -> refill.run());
                steps.addValueChangeListener(e -> refill.run());
            }
            Button go = new Button("Forecast", e -> show(series.getValue(), steps.getValue(), true,
                    known.isEmpty() ? null : future.getValue()));
            go.setId(idPrefix + "-go");
            go.addThemeVariants(ButtonVariant.PRIMARY);
            HorizontalLayout row = new HorizontalLayout(series, steps, go);
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            add(future, row);
        }
        words.addClassName("card");
        words.setVisible(false);
        add(chart, words);
        chart.setVisible(false);
        if (!controls && !seriesIds.isEmpty() && known.isEmpty()) {
            show(seriesIds.get(0), horizon, false, null);
        }
    }

    // the future-values box for a series and horizon: the steps' timestamps from the gateway, or the header
    // alone when it cannot say (a horizon out of range: the forecast button then names the problem)
    private String futureLines(List<String> known, String series, Integer horizon) {
        if (horizon == null || horizon < 1 || horizon > MAX_HORIZON) {
            return FutureCovariates.header(known) + "\n";
        }
        try {
            return FutureCovariates.template(known, client.futureTemplate(modelRef, series, horizon));
        } catch (GatewayException e) {
            return FutureCovariates.header(known) + "\n";
        }
    }

    // future: the typed future values (CSV) of a model with known covariates, else null
    private void show(String series, Integer horizon, boolean listSteps, String future) {
        if (horizon == null || horizon < 1 || horizon > MAX_HORIZON) {
            onError.accept("Choose how many steps ahead to forecast: a whole number from 1 to " + MAX_HORIZON + ".");
            return;
        }
        ObjectNode body = JSON.createObjectNode().put("horizon", horizon).put("include_history", Math.min(120, 4 * horizon + 24));
        if (series != null) {
            body.put("series_id", series);
        }
        if (future != null) {
            try {
                body.set("future", FutureCovariates.rows(future));
            } catch (IllegalArgumentException e) {
                onError.accept("The forecast could not be made: " + e.getMessage() + ".");
                return;
            }
        }
        try {
            JsonNode answer = client.forecast(modelRef, body).path("series").path(0);
            String name = answer.path("series_id").asText();
            chart.setSrc(ResultCharts.forecast(name.isEmpty() ? "Forecast" : "Forecast of " + name, answer.path("history"),
                    answer.path("forecast")));
            chart.setVisible(true);
            if (listSteps) {
                words.setText(listed(name, answer.path("forecast")));
                words.setVisible(true);
            }
        } catch (GatewayException e) {
            onError.accept("The forecast could not be made: " + e.getMessage() + ". Check the series and the number of steps.");
        }
    }

    private static String listed(String series, JsonNode steps) {
        StringBuilder out = new StringBuilder(series.isEmpty() ? "Next values: " : "Next values of " + series + ": ");
        for (int i = 0; i < Math.min(MAX_LISTED, steps.size()); i++) {
            JsonNode s = steps.get(i);
            out.append(String.format(Locale.ROOT, "%s%s about %s (80%%: %s to %s)", i == 0 ? "" : "; ",
                    s.path("timestamp").asText(), PlainWords.number(s.path("prediction").asDouble()),
                    PlainWords.number(s.path("lower_80").asDouble()), PlainWords.number(s.path("upper_80").asDouble())));
        }
        if (steps.size() > MAX_LISTED) {
            out.append("; and ").append(steps.size() - MAX_LISTED).append(" more in the chart");
        }
        return out.append('.').toString();
    }
}
