package io.autogate.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Step 7: the deployed endpoint's traffic per arm, errors, latency, shadow and canary state and
 * input drift per feature, read from the gateway's report and drift routes on every poll.
 */
final class MonitorStep extends Step implements LiveSource {
    private final Div monitorText = new Div();

    MonitorStep(Flow flow) {
        super(flow, "7. Watch it");
        monitorText.setId("monitor");
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
            return () -> monitorText.setText("The endpoint report is not available: " + e.getMessage());
        }
    }

    private void show(String endpoint, JsonNode report, JsonNode drift) {
        monitorText.setText(describe(endpoint, report, drift));
        reset();
        add(new Paragraph("Refreshed every two seconds."), monitorText);
        setVisible(true);
    }

    private static String describe(String endpoint, JsonNode report, JsonNode drift) {
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
        return text.toString();
    }
}
