package io.autogate.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.function.Consumer;

/**
 * The charts of the result step, each with a sentence under it. For a predictive model, from its
 * insight card (the job result's {@code insights}, else {@code GET /v1/models/{name}}): feature
 * importance, then the confusion matrix (classification) or predicted against actual
 * (regression). For a forecast, the history with the forecast and its intervals of the first
 * series ({@link ForecastPanel}).
 */
final class ResultChartsPanel extends VerticalLayout {
    /** The charts of a succeeded job ({@code GET /v1/training-jobs/{id}}); a failure to fetch goes to {@code onError}. */
    ResultChartsPanel(GatewayClient client, JsonNode job, Consumer<String> onError) {
        JsonNode result = job.path("result");
        setPadding(false);
        setId("result-charts");
        if (result.has("backtest")) {
            add(new ForecastPanel(client, result.path("ref").asText(), result, false, "forecast", onError));
            return;
        }
        JsonNode insights = result.path("insights");
        if (!insights.isObject()) {
            try {
                insights = client.model(result.path("model").asText()).path("insights");
            } catch (GatewayException e) {
                onError.accept("The charts are not available: " + e.getMessage() + ".");
                return;
            }
        }
        if (!insights.isObject()) {
            add(new Paragraph("This model version has no charts: it was trained before Autogate computed them."));
            return;
        }
        String metric = insights.path("metric").asText();
        if (insights.path("feature_importance").size() > 0) {
            chart("importance", ResultCharts.importance(insights.get("feature_importance"), metric),
                    "bars: how much worse the model gets when a column is shuffled",
                    InsightWords.importance(insights.get("feature_importance"), metric));
        }
        if (insights.path("confusion").isObject()) {
            chart("confusion", ResultCharts.confusion(insights.get("confusion")), "confusion matrix",
                    InsightWords.confusion(insights.get("confusion")));
        }
        if (insights.path("predicted_vs_actual").isObject()) {
            String target = job.path("target").asText("value");
            chart("scatter", ResultCharts.predictedVsActual(insights.get("predicted_vs_actual"), target),
                    "predicted against actual values", InsightWords.predictedVsActual(insights.get("predicted_vs_actual"), target));
        }
    }

    private void chart(String id, String svg, String alt, String sentence) {
        Image image = new Image(svg, alt);
        image.setId(id + "-chart");
        Paragraph words = new Paragraph(sentence);
        words.setId(id + "-words");
        add(image, words);
    }
}
