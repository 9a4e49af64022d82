package io.autogate.gateway.request;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autogate.gateway.models.LoadedModel;
import io.autogate.runtime.predict.Prediction;
import java.util.List;

/**
 * Builds the JSON answer of the online predict route:
 * <pre>{@code
 * {"model": "churn", "version": 3, "request_id": "...", "endpoint": "...", "arm": "...",
 *  "predictions": [{"prediction": "yes", "probabilities": {"no": 0.2, "yes": 0.8}}, ...],
 *  "warnings": ["..."]}
 * }</pre>
 * {@code endpoint} and {@code arm} appear only when given, {@code warnings} only when there are
 * any. A regression row has only {@code prediction} (a number); a row that could not be scored is
 * {@code {"error": "..."}}. Stateless and thread-safe.
 */
public final class PredictResponses {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private PredictResponses() {
    }

    /**
     * The response body.
     *
     * @param model the model version that scored the rows
     * @param requestId the request's id
     * @param endpoint the endpoint that routed the request, or {@code null}
     * @param arm the endpoint arm that served it, or {@code null}
     * @param predictions one per request row, in order
     * @param warnings lines for people, possibly empty
     */
    public static ObjectNode of(LoadedModel model, String requestId, String endpoint, String arm,
                                List<Prediction> predictions, List<String> warnings) {
        ObjectNode body = JSON.objectNode();
        body.put("model", model.name());
        body.put("version", model.version());
        body.put("request_id", requestId);
        if (endpoint != null) {
            body.put("endpoint", endpoint);
        }
        if (arm != null) {
            body.put("arm", arm);
        }
        List<String> classes = model.manifest().schema().classes();
        ArrayNode rows = body.putArray("predictions");
        for (Prediction p : predictions) {
            rows.add(prediction(p, classes));
        }
        if (!warnings.isEmpty()) {
            ArrayNode w = body.putArray("warnings");
            warnings.forEach(w::add);
        }
        return body;
    }

    /**
     * One row's answer: {@code {"prediction": label, "probabilities": {class: p, ...}}} for a
     * classification, {@code {"prediction": value}} for a regression, {@code {"error": "..."}}
     * when the row could not be scored. {@code classes} are the schema's classes, in the order of
     * the prediction's probabilities.
     */
    public static ObjectNode prediction(Prediction p, List<String> classes) {
        ObjectNode row = JSON.objectNode();
        if (!p.ok()) {
            row.put("error", p.error());
            return row;
        }
        if (p.label() != null) {
            row.put("prediction", p.label());
            if (!p.probabilities().isEmpty()) {
                if (p.probabilities().size() != classes.size()) {
                    throw new IllegalStateException("prediction has " + p.probabilities().size()
                            + " probabilities but the schema has " + classes.size() + " classes");
                }
                ObjectNode probabilities = row.putObject("probabilities");
                for (int c = 0; c < classes.size(); c++) {
                    probabilities.put(classes.get(c), p.probabilities().get(c));
                }
            }
        } else {
            row.put("prediction", p.value());
        }
        return row;
    }
}
