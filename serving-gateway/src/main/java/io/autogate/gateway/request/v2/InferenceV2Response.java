package io.autogate.gateway.request.v2;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autogate.gateway.http.ApiException;
import io.autogate.gateway.models.LoadedModel;
import io.autogate.runtime.predict.Prediction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds an Open Inference Protocol (v2) inference response:
 * {@code {"model_name", "model_version", "id", "outputs": [...]}}. A classification answers with
 * output {@value #LABEL} (BYTES, shape [N]) and output {@value #PROBABILITIES} (FP64, shape [N, C],
 * row-major flat data, with {@code "parameters": {"classes": [...]}} in column order); a
 * regression with output {@value #PREDICTION} (FP64, shape [N]). The protocol has no per-row
 * error, so a row that could not be scored fails the whole request. Stateless and thread-safe.
 */
public final class InferenceV2Response {
    /** Name of the predicted-class output. */
    public static final String LABEL = "label";
    /** Name of the class-probability output. */
    public static final String PROBABILITIES = "probabilities";
    /** Name of the regression output. */
    public static final String PREDICTION = "prediction";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int MAX_DETAILS = 100;

    private InferenceV2Response() {
    }

    /**
     * The response body for the predictions of one request.
     *
     * @param model the model version that scored the rows
     * @param id the request's id to echo, or {@code null}
     * @param predictions one per request row, in order
     * @throws ApiException 400 when any row could not be scored, naming the first and listing
     *                      every such row in the details
     */
    public static ObjectNode of(LoadedModel model, String id, List<Prediction> predictions) {
        requireAllScored(predictions);
        ObjectNode body = JSON.objectNode();
        body.put("model_name", model.name());
        body.put("model_version", Integer.toString(model.version()));
        if (id != null) {
            body.put("id", id);
        }
        ArrayNode outputs = body.putArray("outputs");
        int n = predictions.size();
        if (model.manifest().schema().task().isClassification()) {
            List<String> classes = model.manifest().schema().classes();
            ArrayNode labels = tensor(outputs, LABEL, "BYTES", n);
            ObjectNode probabilityTensor = JSON.objectNode();
            probabilityTensor.put("name", PROBABILITIES);
            probabilityTensor.put("datatype", "FP64");
            probabilityTensor.putArray("shape").add(n).add(classes.size());
            ArrayNode classNames = probabilityTensor.putObject("parameters").putArray("classes");
            classes.forEach(classNames::add);
            ArrayNode probabilities = probabilityTensor.putArray("data");
            for (int r = 0; r < n; r++) {
                Prediction p = predictions.get(r);
                if (p.probabilities().size() != classes.size()) {
                    throw new IllegalStateException("row " + r + " has " + p.probabilities().size()
                            + " probabilities but the schema has " + classes.size() + " classes");
                }
                labels.add(p.label());
                p.probabilities().forEach(probabilities::add);
            }
            outputs.add(probabilityTensor);
        } else {
            ArrayNode values = tensor(outputs, PREDICTION, "FP64", n);
            predictions.forEach(p -> values.add(p.value()));
        }
        return body;
    }

    private static ArrayNode tensor(ArrayNode outputs, String name, String datatype, int n) {
        ObjectNode tensor = outputs.addObject();
        tensor.put("name", name);
        tensor.put("datatype", datatype);
        tensor.putArray("shape").add(n);
        return tensor.putArray("data");
    }

    private static void requireAllScored(List<Prediction> predictions) {
        List<Map<String, Object>> details = new ArrayList<>();
        int failed = 0;
        String first = null;
        for (int r = 0; r < predictions.size(); r++) {
            Prediction p = predictions.get(r);
            if (p.ok()) {
                continue;
            }
            failed++;
            if (first == null) {
                first = "row " + r + ": " + p.error();
            }
            if (details.size() < MAX_DETAILS) {
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("row", r);
                detail.put("problem", p.error());
                details.add(detail);
            }
        }
        if (failed > 0) {
            throw ApiException.badRequest(failed + (failed == 1 ? " row" : " rows") + " could not be scored; "
                    + first, details);
        }
    }
}
