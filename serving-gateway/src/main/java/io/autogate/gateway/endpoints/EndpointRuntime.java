package io.autogate.gateway.endpoints;

import io.autogate.gateway.drift.DriftMonitor;
import io.autogate.gateway.models.ServedModel;
import io.autogate.gateway.routing.Arm;
import io.autogate.gateway.routing.ArmChooser;
import io.autogate.gateway.routing.ArmStats;
import io.autogate.gateway.routing.CanaryController;
import io.autogate.gateway.routing.EndpointPolicy;
import io.autogate.gateway.routing.ShadowComparison;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The live state of one endpoint: its policy, the arm chooser, request statistics per arm, the
 * canary controller (canary policies), the shadow comparison (shadow policies) and one drift
 * monitor per model version that answered. Replaced as a whole when the policy changes.
 * Thread-safe.
 */
final class EndpointRuntime {
    private final String name;
    private final EndpointPolicy policy;
    private final ArmChooser chooser;
    private final Map<String, ArmStats> stats = new LinkedHashMap<>();
    private final CanaryController canary;
    private final ShadowComparison comparison;
    private final Map<String, DriftMonitor> drift = new ConcurrentHashMap<>();
    private final LongAdder shadowDropped = new LongAdder();
    private final LongAdder shadowShed = new LongAdder();

    EndpointRuntime(String name, EndpointPolicy policy, CanaryController canary) {
        this.name = name;
        this.policy = policy;
        this.chooser = new ArmChooser(name);
        for (Arm arm : policy.arms()) {
            stats.put(arm.name(), new ArmStats());
        }
        this.canary = canary;
        this.comparison = policy instanceof EndpointPolicy.Shadow ? new ShadowComparison() : null;
    }

    String name() {
        return name;
    }

    EndpointPolicy policy() {
        return policy;
    }

    ArmChooser chooser() {
        return chooser;
    }

    /** Statistics of an arm of the policy. */
    ArmStats stats(String arm) {
        return stats.get(arm);
    }

    /** Arm name to statistics, in policy order (the map itself is never modified after construction). */
    Map<String, ArmStats> allStats() {
        return stats;
    }

    /** The canary controller, or null when the policy is not a canary. */
    CanaryController canary() {
        return canary;
    }

    /** The shadow comparison, or null when the policy is not a shadow. */
    ShadowComparison comparison() {
        return comparison;
    }

    /** Counts a shadow copy of this endpoint dropped because the shadow queue was full. */
    void countShadowDropped() {
        shadowDropped.increment();
    }

    /** Counts a shadow copy of this endpoint not made because the inference pool was saturated. */
    void countShadowShed() {
        shadowShed.increment();
    }

    /** Shadow copies of this endpoint not made because the inference pool was saturated. */
    long shadowShed() {
        return shadowShed.sum();
    }

    /** Shadow copies of this endpoint dropped because the shadow queue was full. */
    long shadowDropped() {
        return shadowDropped.sum();
    }

    /** The drift monitor of a model version, created on its first request. */
    DriftMonitor drift(ServedModel model, int window) {
        return drift.computeIfAbsent(model.id(),
                id -> DriftMonitor.forManifest(model.model().manifest(), model.knownCategories(), window));
    }

    /** Model id to drift monitor, for reports. */
    Map<String, DriftMonitor> driftMonitors() {
        return drift;
    }
}
