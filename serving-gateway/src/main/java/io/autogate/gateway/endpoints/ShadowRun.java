package io.autogate.gateway.endpoints;

import io.autogate.gateway.metrics.GatewayMetrics;
import io.autogate.gateway.models.ServedModel;
import io.autogate.gateway.routing.EndpointPolicy;
import io.autogate.runtime.predict.Prediction;
import io.autogate.runtime.schema.Row;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One shadow copy, run on the shadow dispatcher's thread after the primary answered: resolves
 * the shadow model, scores the rows on it, records the shadow arm's latency and errors (a model
 * that cannot be loaded counts as an error too), and compares its answers with the primary's.
 * Whatever happens here never reaches the caller.
 */
final class ShadowRun {
    private ShadowRun() {
    }

    static void run(EndpointRuntime runtime, String shadowRef, Supplier<ServedModel> shadow, List<Row> rows,
                    List<Prediction> primary, GatewayMetrics metrics) {
        long start = System.nanoTime();
        String modelId = shadowRef;
        List<Prediction> answers;
        try {
            ServedModel model = shadow.get();
            modelId = model.id();
            answers = model.model().predictor().predict(rows);
        } catch (RuntimeException e) {
            record(runtime, modelId, metrics, start, true);
            throw e;
        }
        record(runtime, modelId, metrics, start, false);
        for (int i = 0; i < rows.size(); i++) {
            runtime.comparison().record(primary.get(i), answers.get(i), asMap(rows.get(i)));
        }
    }

    private static void record(EndpointRuntime runtime, String modelId, GatewayMetrics metrics, long start,
                               boolean error) {
        long nanos = System.nanoTime() - start;
        runtime.stats(EndpointPolicy.Shadow.SHADOW_ARM).record(nanos / 1e6, error);
        metrics.recordPrediction(runtime.name(), modelId, EndpointPolicy.Shadow.SHADOW_ARM, nanos, error);
    }

    private static Map<String, String> asMap(Row row) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String column : row.columns()) {
            out.put(column, row.get(column));
        }
        return out;
    }
}
