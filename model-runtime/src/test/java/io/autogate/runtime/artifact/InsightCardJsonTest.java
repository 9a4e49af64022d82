package io.autogate.runtime.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autogate.runtime.profile.DatasetProfile;
import io.autogate.runtime.schema.ColumnSpec;
import io.autogate.runtime.schema.ColumnType;
import io.autogate.runtime.schema.Schema;
import io.autogate.runtime.schema.TaskType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The insight card is optional in the manifest: snake_case JSON when present, absent in older manifests. */
class InsightCardJsonTest {
    private final ObjectMapper mapper = ManifestJson.mapper();

    private static ModelManifest manifest() {
        Schema schema = new Schema(List.of(ColumnSpec.of("x", ColumnType.NUMERIC)), "y", TaskType.BINARY, List.of("no", "yes"));
        return new ModelManifest(ModelManifest.CURRENT_FORMAT, "m", 1, schema, new DatasetProfile(10, List.of(), List.of()),
                "auc", Map.of("auc", 0.9), List.of(), List.of(), null, Map.of());
    }

    @Test
    void aCardRoundTripsThroughRegistration() throws Exception {
        InsightCard card = new InsightCard("out-of-fold predictions", 10, "auc", "permutation",
                List.of(new InsightCard.FeatureImportance("x", 0.25)),
                new InsightCard.ConfusionMatrix(List.of("no", "yes"), new int[][] {{5, 1}, {2, 2}}), null);
        String json = mapper.writeValueAsString(manifest().withInsights(card));
        JsonNode tree = mapper.readTree(json).get("insights");
        assertEquals("x", tree.get("feature_importance").get(0).get("feature").asText());
        assertEquals(2, tree.get("confusion").get("counts").get(1).get(0).asInt());
        assertFalse(tree.has("predicted_vs_actual"), json);
        ModelManifest read = mapper.readValue(json, ModelManifest.class);
        assertEquals(card, read.insights());
        assertEquals(card, read.registeredAs("m", 2, Map.of()).insights());
        assertEquals(card, read.withRobustness(null).insights());
    }

    @Test
    void aManifestWrittenBeforeInsightsExistedStillLoads() throws Exception {
        ObjectNode json = (ObjectNode) mapper.readTree(mapper.writeValueAsString(manifest()));
        assertFalse(json.has("insights"), "no insights key is written when there are none");
        ModelManifest read = mapper.readValue(json.toString(), ModelManifest.class);
        assertNull(read.insights());
        assertTrue(read.metrics().containsKey("auc"));
    }
}
