package io.autogate.gateway.endpoints;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autogate.gateway.GatewayConfig;
import io.autogate.gateway.batch.BatchScorer;
import io.autogate.gateway.feedback.FeedbackOutcome;
import io.autogate.gateway.feedback.FeedbackRequests;
import io.autogate.gateway.feedback.FeedbackResult;
import io.autogate.gateway.feedback.FeedbackService;
import io.autogate.gateway.feedback.LoggedPrediction;
import io.autogate.gateway.feedback.PredictionLog;
import io.autogate.gateway.http.ApiException;
import io.autogate.gateway.metrics.GatewayMetrics;
import io.autogate.gateway.models.ModelService;
import io.autogate.gateway.models.ServedModel;
import io.autogate.gateway.request.PredictBody;
import io.autogate.gateway.routing.Arm;
import io.autogate.gateway.routing.ArmChooser;
import io.autogate.gateway.routing.CanaryController;
import io.autogate.gateway.routing.EndpointPolicies;
import io.autogate.gateway.routing.EndpointPolicy;
import io.autogate.gateway.routing.EndpointStore;
import io.autogate.gateway.routing.ShadowDispatcher;
import io.autogate.gateway.routing.StoredEndpoint;
import io.autogate.runtime.predict.Prediction;
import io.autogate.runtime.registry.ModelRef;
import io.autogate.runtime.schema.Row;
import io.micrometer.core.instrument.FunctionCounter;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * Endpoints: stable names applications call, each served by a routing policy (single, A/B,
 * shadow, canary) persisted in {@code <registry>/.gateway/endpoints}. Predicting through an
 * endpoint chooses the arm, scores on that arm's model, records the arm's statistics, feeds the
 * canary controller, copies the request to a shadow without waiting for it, logs the answer for
 * feedback and observes the inputs for drift. Canary state is saved on every promotion or rollback
 * and every few seconds, so a restart continues the rollout. Blocking methods run on the
 * inference pool. Thread-safe.
 */
public final class EndpointService implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(EndpointService.class.getName());
    private static final long STATE_SAVE_SECONDS = 5;

    private final EndpointStore store;
    private final ModelService models;
    private final GatewayMetrics metrics;
    private final PredictionLog log;
    private final FeedbackService feedback;
    private final ShadowDispatcher shadows;
    private final BooleanSupplier primaryBusy;
    private final Clock clock;
    private final int driftWindow;
    private final int maxRows;
    private final ConcurrentMap<String, EndpointRuntime> runtimes = new ConcurrentHashMap<>();
    private final ArmRandom random = new ArmRandom(ArmRandom.DEFAULT_SEED);
    private final EndpointMeters meters;
    private final ScheduledExecutorService saver;
    /** Held while the store and the live runtimes change together, so they never disagree. */
    private final Object changes = new Object();

    private EndpointService(GatewayConfig config, ModelService models, GatewayMetrics metrics,
                            BooleanSupplier primaryBusy) throws IOException {
        this.primaryBusy = primaryBusy;
        this.store = new EndpointStore(config.stateDir().resolve("endpoints"));
        this.models = models;
        this.metrics = metrics;
        this.clock = config.clock();
        this.driftWindow = config.driftWindow();
        this.maxRows = config.maxRowsPerRequest();
        this.log = new PredictionLog(config.stateDir().resolve("predictions"), config.logMaxEntries(),
                config.logMaxAge(), clock);
        FunctionCounter.builder("autogate_prediction_log_write_failures", log, PredictionLog::failedWrites)
                .description("prediction-log disk operations that failed (those predictions were kept in memory only)")
                .register(metrics.registry());
        this.feedback = new FeedbackService(log, clock);
        this.shadows = new ShadowDispatcher(1, config.shadowQueue());
        this.meters = new EndpointMeters(metrics.registry(), shadows);
        metrics.beforeScrape(meters::refreshDrift);
        feedback.addListener(this::onOutcome);
        for (StoredEndpoint stored : store.loadAll()) {
            install(stored);
        }
        this.saver = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon()
                .name("autogate-endpoint-state").unstarted(r));
        saver.scheduleWithFixedDelay(this::tickKeepingSchedule, STATE_SAVE_SECONDS, STATE_SAVE_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * Opens the endpoints, prediction log and feedback kept under the configuration's state folder.
     * {@code primaryBusy} tells when callers are waiting for an inference worker (shadow copies are
     * then shed).
     */
    public static EndpointService open(GatewayConfig config, ModelService models, GatewayMetrics metrics,
                                       BooleanSupplier primaryBusy) throws IOException {
        return new EndpointService(config, models, metrics, primaryBusy);
    }

    /**
     * Sets an endpoint's policy from JSON: validated (400 naming the field), every model it names
     * must resolve now (404 otherwise), then persisted; a canary starts at its first step. The same
     * policy again changes nothing (a running canary keeps its step), so configuration can be
     * re-applied safely.
     */
    public ObjectNode put(String name, JsonNode policyJson) {
        EndpointStore.requireValidName(name);
        EndpointPolicy policy = EndpointPolicies.parse(policyJson);
        for (Arm arm : policy.arms()) {
            models.resolve(ModelRef.parse(arm.modelRef()));
        }
        CanaryController canary = policy instanceof EndpointPolicy.Canary c ? new CanaryController(c, clock) : null;
        StoredEndpoint stored = new StoredEndpoint(name, policy, canary == null ? null : canary.state());
        EndpointRuntime runtime = new EndpointRuntime(name, policy, canary);
        synchronized (changes) {
            EndpointRuntime current = runtimes.get(name);
            if (current != null && current.policy().equals(policy)) {
                // re-applying the same configuration keeps a running rollout and its statistics
                return view(current);
            }
            store.put(stored);
            meters.replace(runtimes.put(name, runtime), runtime);
        }
        return view(runtime);
    }

    /** Removes an endpoint; false when there was none. */
    public boolean delete(String name) {
        EndpointStore.requireValidName(name);
        synchronized (changes) {
            boolean existed = store.delete(name);
            meters.replace(runtimes.remove(name), null);
            return existed;
        }
    }

    /** Every endpoint's view. */
    public List<ObjectNode> list() {
        return new TreeMap<>(runtimes).values().stream().map(EndpointService::view).toList();
    }

    /** The policy, and for a canary its state and history; 404 for an unknown endpoint. */
    public ObjectNode view(String name) {
        return view(runtime(name));
    }

    private static ObjectNode view(EndpointRuntime runtime) {
        ObjectNode out = EndpointViews.MAPPER.createObjectNode();
        out.put("name", runtime.name());
        out.set("policy", EndpointPolicies.toJson(runtime.policy()));
        if (runtime.canary() != null) {
            out.set("canary", runtime.canary().toJson());
        }
        return out;
    }

    /** The endpoints whose policy would break or change if {@code model@version} went away. */
    public List<String> endpointsUsing(String model, int version) {
        List<String> users = new ArrayList<>();
        for (EndpointRuntime runtime : runtimes.values()) {
            for (Arm arm : runtime.policy().arms()) {
                ModelRef ref = ModelRef.parse(arm.modelRef());
                if (ref.name().equals(model) && (ref.version() == null ? resolvesTo(ref, version) : ref.version() == version)) {
                    users.add(runtime.name());
                    break;
                }
            }
        }
        return users;
    }

    private boolean resolvesTo(ModelRef ref, int version) {
        try {
            return models.manifest(ref).version() == version;
        } catch (ApiException e) {
            return false;
        }
    }

    /**
     * Scores one online request through an endpoint. {@code headers} reads request headers (for a
     * sticky key). Blocking.
     */
    public EndpointAnswer predict(String name, PredictBody body, UnaryOperator<String> headers, String requestId) {
        EndpointRuntime runtime = runtime(name);
        EndpointPolicy policy = runtime.policy();
        ServedModel first = models.resolve(ModelRef.parse(policy.arms().get(0).modelRef()));
        List<Row> rows = body.rows(first.model().manifest().schema(), maxRows);
        Arm arm = ArmSelection.choose(runtime, rows.get(0), headers, random.current());
        ServedModel served = arm.modelRef().equals(policy.arms().get(0).modelRef()) ? first
                : models.resolve(ModelRef.parse(arm.modelRef()));
        if (served != first) {
            rows = body.rows(served.model().manifest().schema(), maxRows);
        }
        long start = System.nanoTime();
        ServedModel.Scored scored;
        try {
            scored = served.score(rows);
        } catch (ApiException e) {
            if (e.status() < 500) {
                throw e;
            }
            recordOutcome(runtime, arm.name(), served, System.nanoTime() - start, true);
            throw e;
        } catch (RuntimeException e) {
            recordOutcome(runtime, arm.name(), served, System.nanoTime() - start, true);
            throw e;
        }
        recordOutcome(runtime, arm.name(), served, System.nanoTime() - start, false);
        logPredictions(name, arm.name(), served, requestId, scored.predictions());
        var monitor = runtime.drift(served, driftWindow);
        rows.forEach(monitor::observe);
        if (policy instanceof EndpointPolicy.Shadow shadow && ArmChooser.sampleShadow(shadow, random.current())) {
            copyToShadow(runtime, shadow, rows, scored.predictions());
        }
        return new EndpointAnswer(served, arm.name(), scored);
    }

    /**
     * Hands a copy of the request to the shadow dispatcher, after the primary answered. Shadows use
     * spare capacity only: while callers wait for an inference worker the copy is shed (counted);
     * when the shadow queue is full it is dropped (counted). Neither touches the caller's answer.
     */
    private void copyToShadow(EndpointRuntime runtime, EndpointPolicy.Shadow shadow, List<Row> rows,
                              List<Prediction> primary) {
        if (primaryBusy.getAsBoolean()) {
            runtime.countShadowShed();
            return;
        }
        boolean queued = shadows.offer(() -> ShadowRun.run(runtime, shadow.shadow(),
                () -> models.resolve(ModelRef.parse(shadow.shadow())), rows, primary, metrics));
        if (!queued) {
            runtime.countShadowDropped();
        }
    }

    /** The model, arm and predictions of one endpoint request. */
    public record EndpointAnswer(ServedModel model, String arm, ServedModel.Scored scored) {
    }

    private void recordOutcome(EndpointRuntime runtime, String arm, ServedModel served, long nanos, boolean error) {
        double millis = nanos / 1e6;
        runtime.stats(arm).record(millis, error);
        metrics.recordPrediction(runtime.name(), served.id(), arm, nanos, error);
        CanaryController canary = runtime.canary();
        if (canary != null) {
            canary.record(arm, millis, error).ifPresent(event -> saveCanary(runtime));
        }
    }

    private void logPredictions(String endpoint, String arm, ServedModel served, String requestId,
                                List<Prediction> predictions) {
        long now = clock.millis();
        for (int i = 0; i < predictions.size(); i++) {
            Prediction p = predictions.get(i);
            if (p.ok()) {
                log.append(new LoggedPrediction(requestId, i, endpoint, arm, served.id(), now, p.label(), p.value()));
            }
        }
    }

    /** Joins ground truth to logged predictions of an endpoint; 404 for an unknown endpoint. */
    public FeedbackResult feedback(String name, JsonNode body) {
        runtime(name);
        return feedback.submit(name, FeedbackRequests.parse(body));
    }

    private void onOutcome(LoggedPrediction prediction, FeedbackOutcome outcome) {
        EndpointRuntime runtime = runtimes.get(outcome.endpoint());
        String arm = prediction.arm();
        if (runtime == null || runtime.canary() == null || runtime.stats(arm) == null
                || prediction.timeMillis() < runtime.canary().startedAt().toEpochMilli()) {
            // Answers served before this rollout started (by an earlier policy or an earlier canary) are not its evidence.
            return;
        }
        if (outcome.classification()) {
            runtime.canary().recordQuality(arm, outcome.correct());
        } else {
            runtime.canary().recordSquaredError(arm, outcome.squaredError());
        }
        runtime.canary().evaluate().ifPresent(event -> saveCanary(runtime));
    }

    /** Per-arm traffic, errors and latency, shadow agreement, live quality with a significance test. */
    public ObjectNode report(String name) {
        EndpointRuntime runtime = runtime(name);
        return EndpointViews.report(runtime, feedback.quality(name), shadows.stats().queued());
    }

    /** Drift of the live inputs against each serving model's training profile. */
    public ObjectNode drift(String name) {
        return EndpointViews.drift(runtime(name));
    }

    /** The batch scorer of an endpoint: rows follow the policy's split; shadows and canary steps are not fed. */
    public BatchScorer batchScorer(String name) {
        EndpointRuntime runtime = runtime(name);
        return rows -> ArmSelection.scoreBatch(runtime, models, rows, random);
    }

    /** The model reference of an endpoint's first arm (its primary, stable or first A/B arm); 404 when unknown. */
    public String firstArmModel(String name) {
        return runtime(name).policy().arms().get(0).modelRef();
    }

    private EndpointRuntime runtime(String name) {
        EndpointRuntime runtime = runtimes.get(name);
        if (runtime == null) {
            EndpointStore.requireValidName(name);
            throw ApiException.notFound("endpoint_not_found", "no endpoint named '" + name + "'; create it with PUT /v1/endpoints/" + name);
        }
        return runtime;
    }

    private void install(StoredEndpoint stored) {
        CanaryController canary = null;
        if (stored.policy() instanceof EndpointPolicy.Canary c) {
            canary = stored.canary() == null ? new CanaryController(c, clock) : CanaryController.resume(c, stored.canary(), clock);
        }
        EndpointRuntime runtime = new EndpointRuntime(stored.name(), stored.policy(), canary);
        runtimes.put(stored.name(), runtime);
        meters.replace(null, runtime);
    }

    /** Persists a canary's state unless its endpoint was replaced or deleted meanwhile. */
    private void saveCanary(EndpointRuntime runtime) {
        synchronized (changes) {
            if (runtimes.get(runtime.name()) == runtime) {
                store.put(new StoredEndpoint(runtime.name(), runtime.policy(), runtime.canary().state()));
            }
        }
    }

    // a task that throws is never run again by its executor: a failed save (a full disk) must not
    // stop canary evaluation and saving for the rest of the run
    private void tickKeepingSchedule() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "saving endpoint state failed; trying again in " + STATE_SAVE_SECONDS
                    + " s", e);
        }
    }

    private void tick() {
        for (EndpointRuntime runtime : runtimes.values()) {
            if (runtime.canary() != null) {
                runtime.canary().evaluate();
                saveCanary(runtime);
            }
        }
        log.flush();
    }

    @Override
    public void close() {
        saver.shutdownNow();
        tick();
        shadows.close();
        log.close();
    }
}
