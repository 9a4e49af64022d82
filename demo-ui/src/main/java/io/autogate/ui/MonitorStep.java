package io.autogate.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import java.util.Map;

/**
 * Step 7: the deployed endpoint, refreshed live: traffic, errors and latency per arm with the arm
 * split as a chart; how often a shadow model agrees, as a sentence and a chart; a canary's step
 * and its history as a timeline; input drift per feature as a bar chart with a plain-words
 * verdict ({@link MonitorWords}). Read from the gateway's report and drift routes on every poll.
 */
final class MonitorStep extends Step implements LiveSource {
    MonitorStep(Flow flow) {
        super(flow, "7. Watch it");
        setVisible(false);
    }

    /** Reads the flow's endpoint's report and drift; the update that shows them, or null before a deployment. */
    @Override
    public Runnable poll() {
        String endpoint = flow.endpoint();
        if (endpoint == null) {
            return null;
        }
        try {
            JsonNode report = flow.client().report(endpoint);
            JsonNode drift = flow.client().drift(endpoint);
            return () -> show(endpoint, report, drift);
        } catch (GatewayException e) {
            return () -> {
                reset();
                add(text("monitor", "The endpoint report is not available: " + e.getMessage()));
            };
        }
    }

    private void show(String endpoint, JsonNode report, JsonNode drift) {
        reset();
        add(new Paragraph("Refreshed every two seconds."), text("monitor", MonitorWords.traffic(endpoint, report)));
        chart("arm-split-chart", "Share of requests per arm", "% of requests", MonitorWords.armSplit(report));
        String shadow = MonitorWords.shadow(report);
        if (shadow != null) {
            add(new H3("Shadow"), text("shadow", shadow));
            chart("shadow-chart", "Shadow compared with the model answering", "requests", MonitorWords.shadowCounts(report));
        }
        String canary = MonitorWords.canary(report);
        if (canary != null) {
            add(new H3("Canary rollout"), text("canary", canary));
            OrderedList history = new OrderedList();
            history.setId("canary-history");
            MonitorWords.canaryHistory(report).forEach(line -> history.add(new ListItem(line)));
            add(history);
        }
        add(new H3("Inputs compared with the training data"));
        for (JsonNode model : drift.path("models")) {
            String id = model.path("model").asText().replaceAll("[^A-Za-z0-9]+", "-");
            add(text("drift-" + id, MonitorWords.driftVerdict(model)));
            chart("drift-chart-" + id, "Shift per feature of " + model.path("model").asText() + " (PSI; above 0.1 is a shift, above 0.25 a strong one)",
                    "PSI", MonitorWords.driftPerFeature(model));
        }
        setVisible(true);
    }

    private static Div text(String id, String sentence) {
        Div div = new Div(sentence);
        div.setId(id);
        return div;
    }

    private void chart(String id, String title, String valueLabel, Map<String, Double> values) {
        if (values.isEmpty()) {
            return;
        }
        Image image = new Image(Charts.bars(title, valueLabel, values), title);
        image.setId(id);
        add(image);
    }
}
