package io.autogate.gateway.request.v2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.autogate.gateway.http.ApiException;
import io.autogate.gateway.models.LoadedModel;
import io.autogate.gateway.request.RequestFixtures;
import io.autogate.runtime.predict.Prediction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InferenceV2ResponseTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void classificationGivesLabelsAndARowMajorProbabilityMatrix() throws Exception {
        LoadedModel model = RequestFixtures.model("iris", 4, RequestFixtures.smallSchema(true));
        assertEquals(JSON.readTree("""
                {"model_name": "iris", "model_version": "4", "id": "req-9", "outputs": [
                  {"name": "label", "datatype": "BYTES", "shape": [2], "data": ["b", "a"]},
                  {"name": "probabilities", "datatype": "FP64", "shape": [2, 3],
                   "parameters": {"classes": ["a", "b", "c"]}, "data": [0.1, 0.7, 0.2, 0.6, 0.3, 0.1]}]}
                """), InferenceV2Response.of(model, "req-9", List.of(
                Prediction.ofClass("b", List.of(0.1, 0.7, 0.2)), Prediction.ofClass("a", List.of(0.6, 0.3, 0.1)))));
    }

    @Test
    void regressionGivesOnePredictionTensorAndNoIdWhenNoneWasSent() throws Exception {
        LoadedModel model = RequestFixtures.model("price", 1, RequestFixtures.smallSchema(false));
        assertEquals(JSON.readTree("""
                {"model_name": "price", "model_version": "1", "outputs": [
                  {"name": "prediction", "datatype": "FP64", "shape": [2], "data": [1.5, -2.0]}]}
                """), InferenceV2Response.of(model, null, List.of(Prediction.ofValue(1.5), Prediction.ofValue(-2))));
    }

    @Test
    void aRowThatCouldNotBeScoredFailsTheRequest() {
        LoadedModel model = RequestFixtures.model("price", 1, RequestFixtures.smallSchema(false));
        ApiException e = assertThrows(ApiException.class, () -> InferenceV2Response.of(model, null,
                List.of(Prediction.ofValue(1), Prediction.ofError("bad input"), Prediction.ofError("worse"))));
        assertEquals(400, e.status());
        assertEquals("2 rows could not be scored; row 1: bad input", e.getMessage());
        assertEquals(List.of(Map.of("row", 1, "problem", "bad input"), Map.of("row", 2, "problem", "worse")),
                e.details());
    }

    @Test
    void metadataDescribesFeatureInputsAndOutputs() throws Exception {
        LoadedModel model = new LoadedModel("churn", 3, RequestFixtures.churnManifest(), null);
        assertEquals(JSON.readTree("""
                {"name": "churn", "versions": ["1", "3"], "platform": "autogate",
                 "inputs": [{"name": "age", "datatype": "FP64", "shape": [-1]},
                            {"name": "city", "datatype": "BYTES", "shape": [-1]},
                            {"name": "member", "datatype": "BOOL", "shape": [-1]},
                            {"name": "signup", "datatype": "BYTES", "shape": [-1]},
                            {"name": "gender", "datatype": "BOOL", "shape": [-1]},
                            {"name": "color", "datatype": "BYTES", "shape": [-1]},
                            {"name": "code", "datatype": "BYTES", "shape": [-1]},
                            {"name": "plan", "datatype": "BYTES", "shape": [-1]}],
                 "outputs": [{"name": "label", "datatype": "BYTES", "shape": [-1]},
                             {"name": "probabilities", "datatype": "FP64", "shape": [-1, 2]}]}
                """), ModelMetadataV2.of(model, List.of(1, 3)));
        LoadedModel regression = RequestFixtures.model("price", 1, RequestFixtures.smallSchema(false));
        assertEquals(JSON.readTree("""
                [{"name": "prediction", "datatype": "FP64", "shape": [-1]}]
                """), ModelMetadataV2.of(regression, List.of(1)).get("outputs"));
    }
}
