package io.autogate.gateway.endpoints;

import io.autogate.gateway.batch.ScoredRow;
import io.autogate.gateway.models.ModelService;
import io.autogate.gateway.models.ServedModel;
import io.autogate.gateway.routing.Arm;
import io.autogate.gateway.routing.EndpointPolicy;
import io.autogate.gateway.routing.StickyKey;
import io.autogate.runtime.predict.Prediction;
import io.autogate.runtime.registry.ModelRef;
import io.autogate.runtime.schema.Row;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;

/** Which arm of an endpoint answers a request or a batch row, by the endpoint's policy. */
final class ArmSelection {
    private ArmSelection() {
    }

    /**
     * The arm for a request: the only arm of a single policy, the primary of a shadow, the
     * weighted (sticky when keyed) arm of an A/B test, stable or candidate by the canary's share.
     */
    static Arm choose(EndpointRuntime runtime, Row firstRow, UnaryOperator<String> headers, RandomGenerator random) {
        EndpointPolicy policy = runtime.policy();
        return switch (policy) {
            case EndpointPolicy.Single single -> single.arms().get(0);
            case EndpointPolicy.Shadow shadow -> shadow.arms().get(0);
            case EndpointPolicy.AbTest ab -> runtime.chooser().chooseAb(ab, key(ab.sticky(), firstRow, headers), random);
            case EndpointPolicy.Canary canary -> runtime.chooser().chooseCanary(runtime.canary().candidatePercent(),
                    key(canary.sticky(), firstRow, headers), random) ? canary.arms().get(1) : canary.arms().get(0);
        };
    }

    private static String key(StickyKey sticky, Row row, UnaryOperator<String> headers) {
        if (sticky == null) {
            return null;
        }
        String key = sticky.source() == StickyKey.Source.HEADER ? headers.apply(sticky.name()) : row.get(sticky.name());
        return key == null || key.isEmpty() ? null : key;
    }

    /**
     * Scores batch rows by the policy's split, row by row (a sticky field keeps its arm; headers do
     * not exist per row). Each arm's rows are scored together; a row with a field problem gets an
     * error naming it.
     */
    static List<ScoredRow> scoreBatch(EndpointRuntime runtime, ModelService models, List<Row> rows, ArmRandom random) {
        Map<Arm, List<Integer>> byArm = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Arm arm = choose(runtime, rows.get(i), name -> null, random.current());
            byArm.computeIfAbsent(arm, a -> new ArrayList<>()).add(i);
        }
        ScoredRow[] out = new ScoredRow[rows.size()];
        for (Map.Entry<Arm, List<Integer>> entry : byArm.entrySet()) {
            ServedModel served = models.resolve(ModelRef.parse(entry.getKey().modelRef()));
            List<Row> armRows = entry.getValue().stream().map(rows::get).toList();
            List<Prediction> predictions = served.scoreEach(armRows);
            for (int j = 0; j < predictions.size(); j++) {
                out[entry.getValue().get(j)] = new ScoredRow(predictions.get(j), served.id(), entry.getKey().name());
            }
        }
        return Arrays.asList(out);
    }
}
