package io.autogate.gateway.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autogate.gateway.models.LoadedModel;
import io.autogate.runtime.predict.Prediction;
import java.util.List;
import org.junit.jupiter.api.Test;

class PredictResponsesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void classificationAnswersCarryLabelsAndProbabilitiesByClass() throws Exception {
        LoadedModel model = RequestFixtures.model("iris", 2, RequestFixtures.smallSchema(true));
        ObjectNode body = JSON.valueToTree(PredictResponses.of(model, "req-1", "prod", "canary",
                List.of(Prediction.ofClass("b", List.of(0.1, 0.7, 0.2)), Prediction.ofError("row failed")),
                List.of("row 0 field 'z': category 'q' was not seen in training (3 known)")));
        assertEquals(JSON.readTree("""
                {"model": "iris", "version": 2, "request_id": "req-1", "endpoint": "prod", "arm": "canary",
                 "predictions": [{"prediction": "b", "probabilities": {"a": 0.1, "b": 0.7, "c": 0.2}},
                                 {"error": "row failed"}],
                 "warnings": ["row 0 field 'z': category 'q' was not seen in training (3 known)"]}
                """), body);
    }

    @Test
    void regressionAnswersHaveOnlyThePredictionAndOptionalFieldsAreLeftOut() throws Exception {
        LoadedModel model = RequestFixtures.model("price", 1, RequestFixtures.smallSchema(false));
        ObjectNode body = JSON.valueToTree(PredictResponses.of(model, "r", null, null,
                List.of(Prediction.ofValue(12.5), Prediction.ofValue(-3)), List.of()));
        assertEquals(JSON.readTree("""
                {"model": "price", "version": 1, "request_id": "r",
                 "predictions": [{"prediction": 12.5}, {"prediction": -3.0}]}
                """), body);
        assertFalse(body.has("warnings"));
        assertFalse(body.has("endpoint"));
    }

    @Test
    void probabilitiesMustMatchTheClasses() {
        LoadedModel model = RequestFixtures.model("iris", 2, RequestFixtures.smallSchema(true));
        assertThrows(IllegalStateException.class, () -> PredictResponses.of(model, "r", null, null,
                List.of(Prediction.ofClass("a", List.of(0.5, 0.5))), List.of()));
    }

    @Test
    void theAnswerWritesTheSameBytesAsItsTree() throws Exception {
        LoadedModel model = RequestFixtures.model("iris", 2, RequestFixtures.smallSchema(true));
        Object answer = PredictResponses.of(model, "r\"1", null, null,
                List.of(Prediction.ofClass("c", List.of(1e-17, 0.25, 0.75))), List.of());
        ObjectNode tree = JSON.valueToTree(answer);
        assertEquals(JSON.writeValueAsString(tree), JSON.writeValueAsString(answer));
        assertEquals(1e-17, tree.path("predictions").path(0).path("probabilities").path("a").asDouble());
    }
}
