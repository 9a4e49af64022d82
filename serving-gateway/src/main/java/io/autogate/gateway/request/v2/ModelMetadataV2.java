package io.autogate.gateway.request.v2;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autogate.gateway.models.LoadedModel;
import io.autogate.runtime.schema.ColumnSpec;
import io.autogate.runtime.schema.ColumnType;
import io.autogate.runtime.schema.Schema;
import java.util.List;

/**
 * Builds the Open Inference Protocol (v2) model metadata answer:
 * {@code {"name", "versions": ["1", "2"], "platform": "autogate", "inputs": [...], "outputs": [...]}}
 * with one input per feature column (FP64 for numeric, BOOL for boolean, BYTES for categorical
 * and datetime columns; shape [-1]) and the outputs {@link InferenceV2Response} writes. Stateless
 * and thread-safe.
 */
public final class ModelMetadataV2 {
    /** The platform name the gateway reports. */
    public static final String PLATFORM = "autogate";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ModelMetadataV2() {
    }

    /**
     * The metadata of a model.
     *
     * @param model the version whose schema describes the inputs and outputs
     * @param versions the model's registered versions
     */
    public static ObjectNode of(LoadedModel model, List<Integer> versions) {
        ObjectNode body = JSON.objectNode();
        body.put("name", model.name());
        ArrayNode versionNames = body.putArray("versions");
        versions.forEach(v -> versionNames.add(Integer.toString(v)));
        body.put("platform", PLATFORM);
        Schema schema = model.manifest().schema();
        ArrayNode inputs = body.putArray("inputs");
        for (ColumnSpec column : schema.featureColumns()) {
            tensor(inputs, column.name(), datatype(column.type())).add(-1);
        }
        ArrayNode outputs = body.putArray("outputs");
        if (schema.task().isClassification()) {
            tensor(outputs, InferenceV2Response.LABEL, "BYTES").add(-1);
            tensor(outputs, InferenceV2Response.PROBABILITIES, "FP64").add(-1).add(schema.classes().size());
        } else {
            tensor(outputs, InferenceV2Response.PREDICTION, "FP64").add(-1);
        }
        return body;
    }

    /** The v2 datatype a feature column is described with. */
    public static String datatype(ColumnType type) {
        return switch (type) {
            case NUMERIC -> "FP64";
            case BOOLEAN -> "BOOL";
            default -> "BYTES";
        };
    }

    private static ArrayNode tensor(ArrayNode list, String name, String datatype) {
        ObjectNode tensor = list.addObject();
        tensor.put("name", name);
        tensor.put("datatype", datatype);
        return tensor.putArray("shape");
    }
}
