package io.autogate.runtime.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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

/** The robustness card is optional in the manifest: written when present, absent in older manifests. */
class RobustnessCardJsonTest {
    private final ObjectMapper mapper = ManifestJson.mapper();

    private static ModelManifest manifest() {
        Schema schema = new Schema(List.of(ColumnSpec.of("x", ColumnType.NUMERIC)), "y", TaskType.REGRESSION, List.of());
        return new ModelManifest(ModelManifest.CURRENT_FORMAT, "m", 1, schema, new DatasetProfile(10, List.of(), List.of()),
                "rmse", Map.of("rmse", 1.0), List.of(), List.of(), null, Map.of());
    }

    @Test
    void aCardRoundTrips() throws Exception {
        RobustnessCard card = new RobustnessCard("balanced", "trial 3", "rmse",
                "when region changes, rmse rises from 1.00 to 1.50",
                List.of(Map.of("kind", "domain", "label", "region=west", "test_rows", 4)),
                List.of(Map.of("candidate", "trial 3", "iid", 1.0, "worst", 1.5)));
        ModelManifest read = mapper.readValue(mapper.writeValueAsString(manifest().withRobustness(card)), ModelManifest.class);
        assertEquals(card, read.robustness());
        assertEquals(card, read.registeredAs("m", 2, Map.of()).robustness());
    }

    @Test
    void aManifestWrittenBeforeTheCardExistedStillLoads() throws Exception {
        ObjectNode json = (ObjectNode) mapper.readTree(mapper.writeValueAsString(manifest()));
        json.remove("robustness");
        ModelManifest read = mapper.readValue(json.toString(), ModelManifest.class);
        assertNull(read.robustness());
        assertEquals("rmse", read.metric());
    }
}
