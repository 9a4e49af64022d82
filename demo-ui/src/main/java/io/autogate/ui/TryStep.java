package io.autogate.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Step 6: a form generated from the model's schema (prefilled with the first uploaded row) returns
 * the prediction and its probabilities; a CSV upload returns a scored CSV to download. For a
 * forecasting model, a {@link ForecastPanel} asks for the series and the number of steps instead.
 */
final class TryStep extends Step {
    TryStep(Flow flow) {
        super(flow, "6. Try it");
        setVisible(false);
    }

    /** Builds the form for {@code model}'s schema, predicting through the flow's endpoint. */
    void show(String model) {
        reset();
        JsonNode schema = flow.client().model(model).path("schema");
        JsonNode dataset = flow.dataset();
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
        add(new Paragraph("Fill in a row (prefilled with the first row of your data) and ask the model:"), form,
                predict, answer, chart);

        Anchor download = new Anchor();
        download.setText("Download the scored CSV");
        download.setVisible(false);
        download.setId("scored-download");
        Upload batch = new Upload(UploadHandler.inMemory((meta, bytes) ->
                UploadStep.inUi(() -> scoreBatch(meta.fileName(), bytes, download))));
        batch.setId("batch-upload");
        batch.setMaxFiles(1);
        batch.setMaxFileSize((int) flow.settings().maxUploadBytes());
        add(new Paragraph("Or score a whole CSV file with the same columns:"), batch, download);
        setVisible(true);
    }

    /** Offers forecasts of {@code ref} (a forecast job's {@code result} gives its series and default horizon). */
    void showForecast(String ref, JsonNode result) {
        reset();
        add(new Paragraph(result.path("series").size() > 1 ? "Pick a series and how many steps ahead:"
                : "Pick how many steps ahead:"), new ForecastPanel(flow.client(), ref, result, true, "try-forecast",
                flow::showError));
        setVisible(true);
    }

    private void predict(Map<String, TextField> fields, Div answer, Image chart) {
        flow.clearError();
        ObjectNode row = Flow.JSON.createObjectNode();
        fields.forEach((name, f) -> {
            if (f.getValue() != null && !f.getValue().isBlank()) {
                row.put(name, f.getValue());
            }
        });
        ObjectNode body = Flow.JSON.createObjectNode();
        body.putArray("rows").add(row);
        try {
            JsonNode p = flow.client().predict(flow.endpoint(), body).path("predictions").path(0);
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
            flow.showError("The model could not answer: " + e.getMessage() + ". Correct the field named and try again.");
        }
    }

    private void scoreBatch(String fileName, byte[] csv, Anchor download) {
        flow.clearError();
        try {
            byte[] scored = flow.client().batch(flow.endpoint(), csv);
            String out = fileName.replaceFirst("(?i)\\.csv$", "") + "-scored.csv";
            download.setHref(DownloadHandler.fromInputStream(event -> new DownloadResponse(new ByteArrayInputStream(scored), out,
                    "text/csv", scored.length)));
            download.getElement().setAttribute("download", out);
            download.setVisible(true);
        } catch (GatewayException e) {
            flow.showError("That file could not be scored: " + e.getMessage() + ".");
        }
    }
}
