package io.autogate.gateway.endpoints;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autogate.gateway.drift.DriftMonitor;
import io.autogate.gateway.feedback.ArmComparison;
import io.autogate.gateway.feedback.ArmQuality;
import io.autogate.gateway.feedback.SignificanceTest;
import io.autogate.gateway.http.Json;
import io.autogate.gateway.routing.ArmStats;
import io.autogate.gateway.routing.EndpointPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The JSON of an endpoint's report and drift, with snake_case names throughout. */
final class EndpointViews {
    /** Writes records with snake_case property names. */
    static final ObjectMapper MAPPER = Json.MAPPER.copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private EndpointViews() {
    }

    /**
     * {@code {"endpoint","type","arms":[{name, model, requests, errors, error_rate, p50_ms, p99_ms}],
     * "shadow": {comparison, dropped_copies (queue full), shed_copies (pool saturated) and failed_copies of
     * this endpoint, queued_copies of all endpoints},
     * "quality": {"arms": {...}, "comparisons": [...]}, "canary": {...}}}.
     */
    static ObjectNode report(EndpointRuntime runtime, Map<String, ArmQuality> quality, int queuedShadowCopies) {
        ObjectNode out = MAPPER.createObjectNode();
        out.put("endpoint", runtime.name());
        out.put("type", runtime.policy().type());
        ArrayNode arms = out.putArray("arms");
        for (var arm : runtime.policy().arms()) {
            ArmStats stats = runtime.stats(arm.name());
            ObjectNode entry = arms.addObject();
            entry.put("name", arm.name());
            entry.put("model", arm.modelRef());
            entry.setAll(stats.snapshot().toJson());
        }
        if (runtime.comparison() != null) {
            ObjectNode shadow = MAPPER.valueToTree(runtime.comparison().snapshot());
            shadow.put("dropped_copies", runtime.shadowDropped());
            shadow.put("shed_copies", runtime.shadowShed());
            shadow.put("failed_copies", runtime.stats(EndpointPolicy.Shadow.SHADOW_ARM).errors());
            shadow.put("queued_copies", queuedShadowCopies);
            out.set("shadow", shadow);
        }
        ObjectNode q = out.putObject("quality");
        ObjectNode perArm = q.putObject("arms");
        quality.forEach((arm, aq) -> perArm.set(arm, MAPPER.valueToTree(aq.toMap())));
        if (runtime.policy() instanceof EndpointPolicy.AbTest ab) {
            ArrayNode comparisons = q.putArray("comparisons");
            List<String> names = ab.arms().stream().map(a -> a.name()).toList();
            for (int i = 1; i < names.size(); i++) {
                ArmQuality a = quality.get(names.get(0));
                ArmQuality b = quality.get(names.get(i));
                if (a != null && b != null) {
                    ArmComparison c = SignificanceTest.compare(a, b);
                    ObjectNode entry = withoutNaN(MAPPER.valueToTree(c));
                    entry.put("arm_a", names.get(0));
                    entry.put("arm_b", names.get(i));
                    comparisons.add(entry);
                }
            }
        }
        if (runtime.canary() != null) {
            out.set("canary", runtime.canary().toJson());
        }
        return out;
    }

    /** The object with every NaN number replaced by null (JSON has no NaN; "too little data" reads as null). */
    private static ObjectNode withoutNaN(ObjectNode node) {
        List<String> nan = new ArrayList<>();
        node.properties().forEach(e -> {
            if (e.getValue().isNumber() && Double.isNaN(e.getValue().doubleValue())) {
                nan.add(e.getKey());
            }
        });
        nan.forEach(node::putNull);
        return node;
    }

    /** {@code {"endpoint","models":[{model, observed, window_size, status, max_psi, drifting, features:[...]}]}}. */
    static ObjectNode drift(EndpointRuntime runtime) {
        ObjectNode out = MAPPER.createObjectNode();
        out.put("endpoint", runtime.name());
        List<Map.Entry<String, DriftMonitor>> monitors = new ArrayList<>(runtime.driftMonitors().entrySet());
        monitors.sort(Map.Entry.comparingByKey());
        ArrayNode models = out.putArray("models");
        for (Map.Entry<String, DriftMonitor> e : monitors) {
            ObjectNode entry = MAPPER.valueToTree(e.getValue().report());
            ObjectNode withName = models.addObject();
            withName.put("model", e.getKey());
            withName.setAll(entry);
        }
        return out;
    }
}
