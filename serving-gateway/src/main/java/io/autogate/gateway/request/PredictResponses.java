package io.autogate.gateway.request;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import io.autogate.gateway.models.LoadedModel;
import io.autogate.runtime.predict.Prediction;
import java.io.IOException;
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
 * {@code {"error": "..."}}. The answer is written field by field straight to the JSON output when
 * it is serialized, with no tree in between (this is the hottest route). Stateless and thread-safe.
 */
public final class PredictResponses {
    private PredictResponses() {
    }

    /**
     * The response body, a value Jackson writes as the JSON above.
     *
     * @param model the model version that scored the rows
     * @param requestId the request's id
     * @param endpoint the endpoint that routed the request, or {@code null}
     * @param arm the endpoint arm that served it, or {@code null}
     * @param predictions one per request row, in order
     * @param warnings lines for people, possibly empty
     */
    public static JsonSerializable of(LoadedModel model, String requestId, String endpoint, String arm,
                                      List<Prediction> predictions, List<String> warnings) {
        List<String> classes = model.manifest().schema().classes();
        for (Prediction p : predictions) {
            requireClassProbabilities(p, classes);
        }
        return new Answer(model.name(), model.version(), requestId, endpoint, arm, classes, predictions, warnings);
    }

    /**
     * Checks that a classification's probabilities line up with the schema's classes.
     *
     * @throws IllegalStateException when their counts differ
     */
    static void requireClassProbabilities(Prediction p, List<String> classes) {
        if (p.ok() && p.label() != null && !p.probabilities().isEmpty() && p.probabilities().size() != classes.size()) {
            throw new IllegalStateException("prediction has " + p.probabilities().size()
                    + " probabilities but the schema has " + classes.size() + " classes");
        }
    }

    private record Answer(String model, int version, String requestId, String endpoint, String arm,
                          List<String> classes, List<Prediction> predictions, List<String> warnings)
            implements JsonSerializable {
        @Override
        public void serialize(JsonGenerator g, SerializerProvider provider) throws IOException {
            g.writeStartObject();
            g.writeStringField("model", model);
            g.writeNumberField("version", version);
            g.writeStringField("request_id", requestId);
            if (endpoint != null) {
                g.writeStringField("endpoint", endpoint);
            }
            if (arm != null) {
                g.writeStringField("arm", arm);
            }
            g.writeArrayFieldStart("predictions");
            for (Prediction p : predictions) {
                writePrediction(g, p);
            }
            g.writeEndArray();
            if (!warnings.isEmpty()) {
                g.writeArrayFieldStart("warnings");
                for (String w : warnings) {
                    g.writeString(w);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }

        // {"prediction": label, "probabilities": {class: p, ...}} for a classification,
        // {"prediction": value} for a regression, {"error": "..."} for a row that could not be scored
        private void writePrediction(JsonGenerator g, Prediction p) throws IOException {
            g.writeStartObject();
            if (!p.ok()) {
                g.writeStringField("error", p.error());
            } else if (p.label() != null) {
                g.writeStringField("prediction", p.label());
                if (!p.probabilities().isEmpty()) {
                    g.writeObjectFieldStart("probabilities");
                    for (int c = 0; c < classes.size(); c++) {
                        g.writeNumberField(classes.get(c), p.probabilities().get(c));
                    }
                    g.writeEndObject();
                }
            } else {
                g.writeNumberField("prediction", p.value());
            }
            g.writeEndObject();
        }

        @Override
        public void serializeWithType(JsonGenerator g, SerializerProvider provider, TypeSerializer typeSer)
                throws IOException {
            serialize(g, provider);
        }
    }
}
