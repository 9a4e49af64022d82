package io.autogate.gateway.endpoints;

import io.autogate.gateway.drift.DriftMonitor;
import io.autogate.gateway.drift.DriftReport;
import io.autogate.gateway.drift.FeatureDrift;
import io.autogate.gateway.routing.ShadowDispatcher;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The endpoint series in {@code /metrics}: shadow copies dropped and failed (all endpoints), and
 * per endpoint the shadow comparisons and disagreements, the canary's candidate share and status,
 * and the drift PSI per model and feature (refreshed by {@link #refreshDrift} before each scrape). Meters of a replaced or
 * deleted endpoint are removed. Thread-safe.
 */
final class EndpointMeters {
    private final MeterRegistry registry;
    private final Map<String, List<Meter>> perEndpoint = new ConcurrentHashMap<>();
    private final MultiGauge driftPsi;
    private final Map<String, EndpointRuntime> live = new ConcurrentHashMap<>();

    EndpointMeters(MeterRegistry registry, ShadowDispatcher shadows) {
        this.registry = registry;
        FunctionCounter.builder("autogate_shadow_dropped", shadows, s -> s.stats().dropped())
                .description("shadow copies dropped because the shadow queue was full").register(registry);
        FunctionCounter.builder("autogate_shadow_failed", shadows, s -> s.stats().failed())
                .description("shadow copies whose scoring failed").register(registry);
        this.driftPsi = MultiGauge.builder("autogate_drift_psi")
                .description("population stability index of live inputs against the training profile")
                .register(registry);
    }

    /** Swaps the meters of an endpoint's old runtime (may be null) for the new one's (may be null). */
    void replace(EndpointRuntime old, EndpointRuntime now) {
        if (old != null) {
            live.remove(old.name());
            List<Meter> meters = perEndpoint.remove(old.name());
            if (meters != null) {
                meters.forEach(registry::remove);
            }
        }
        if (now == null) {
            return;
        }
        live.put(now.name(), now);
        List<Meter> meters = new ArrayList<>();
        Tags tags = Tags.of("endpoint", now.name());
        if (now.comparison() != null) {
            meters.add(FunctionCounter.builder("autogate_shadow_compared", now,
                    r -> r.comparison().snapshot().classified() + r.comparison().snapshot().regressed())
                    .tags(tags).description("rows compared between primary and shadow").register(registry));
            meters.add(Gauge.builder("autogate_shadow_agreement", now, r -> {
                Double rate = r.comparison().snapshot().agreementRate();
                return rate == null ? Double.NaN : rate;
            }).tags(tags).description("share of shadow labels equal to the primary's").register(registry));
            meters.add(FunctionCounter.builder("autogate_shadow_shed", now, EndpointRuntime::shadowShed)
                    .tags(tags).description("shadow copies not made because the inference pool was saturated")
                    .register(registry));
        }
        if (now.canary() != null) {
            meters.add(Gauge.builder("autogate_canary_candidate_percent", now, r -> r.canary().candidatePercent())
                    .tags(tags).description("traffic share of the canary candidate").register(registry));
            meters.add(Gauge.builder("autogate_canary_status", now, r -> switch (r.canary().status()) {
                case RUNNING -> 0;
                case PROMOTED -> 1;
                case ROLLED_BACK -> -1;
            }).tags(tags).description("canary status: 0 running, 1 promoted, -1 rolled back").register(registry));
        }
        perEndpoint.put(now.name(), meters);
    }

    /** Recomputes the drift series from every endpoint's monitors (run before each scrape). */
    void refreshDrift() {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (EndpointRuntime runtime : live.values()) {
            for (Map.Entry<String, DriftMonitor> e : runtime.driftMonitors().entrySet()) {
                DriftReport report = e.getValue().report();
                for (FeatureDrift f : report.features()) {
                    if (f.psi() != null) {
                        rows.add(MultiGauge.Row.of(Tags.of("endpoint", runtime.name(), "model", e.getKey(),
                                "feature", f.feature()), f.psi()));
                    }
                }
            }
        }
        driftPsi.register(rows, true);
    }
}
