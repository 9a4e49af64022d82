package io.autogate.gateway.routing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Runs one canary rollout: the candidate gets {@code steps[i]} percent of traffic; once a step has
 * at least {@code min_requests_per_step} candidate requests and has lasted
 * {@code min_step_seconds}, the guards are checked. A breach rolls back (all traffic to stable),
 * otherwise the rollout moves to the next step, and after the 100% step passes the candidate is
 * {@link CanaryStatus#PROMOTED}. An error-rate breach rolls back early, before the step is due,
 * once the candidate has {@value #EARLY_ROLLBACK_MIN_ERRORS} errors in the step.
 *
 * <p>Guards: candidate error rate minus the stable error rate over the whole rollout (stable
 * traffic of this and earlier steps); candidate p99 latency in this step; relative quality loss
 * (accuracy, or RMSE for regression feedback) once both arms have {@code min_feedback} answers
 * since the rollout began.
 *
 * <p>Thread-safe. {@link #record} is lock-free apart from the rare moment a step is decided;
 * decisions are made under a lock, so concurrent callers decide each step once. A request
 * recorded while its step is being decided may count toward the step just left. Time comes from
 * the injected clock.
 */
public final class CanaryController {
    /** Candidate errors in a step that allow an error-rate rollback before the step is due. */
    public static final long EARLY_ROLLBACK_MIN_ERRORS = 20;

    private final EndpointPolicy.Canary policy;
    private final Clock clock;
    private final QualityStats stableQuality;
    private final QualityStats candidateQuality;
    private final Object lock = new Object();
    private final List<CanaryEvent> history;
    private volatile Step step;
    private volatile CanaryStatus status;

    /** The current step: index, start, this step's stats and the stable counts of earlier steps. Immutable holder. */
    private record Step(int index, Instant startedAt, ArmStats stable, ArmStats candidate,
                        long stableEarlierRequests, long stableEarlierErrors) {
    }

    /** Starts a new rollout at the first step, recording a {@code start} event. */
    public CanaryController(EndpointPolicy.Canary policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
        this.stableQuality = new QualityStats();
        this.candidateQuality = new QualityStats();
        this.history = new ArrayList<>();
        Instant now = clock.instant();
        this.step = new Step(0, now, new ArmStats(), new ArmStats(), 0, 0);
        this.status = CanaryStatus.RUNNING;
        history.add(new CanaryEvent(now, 0, policy.steps().getFirst(), CanaryEvent.Action.START,
                "canary of " + policy.candidate() + " against " + policy.stable() + " started"));
    }

    private CanaryController(EndpointPolicy.Canary policy, CanaryState state, Clock clock) {
        if (state.stepIndex() < 0 || state.stepIndex() >= policy.steps().size()) {
            throw new IllegalArgumentException("canary state step_index " + state.stepIndex()
                    + " is outside the policy's " + policy.steps().size() + " steps");
        }
        this.policy = policy;
        this.clock = clock;
        this.stableQuality = QualityStats.restore(state.stableQuality());
        this.candidateQuality = QualityStats.restore(state.candidateQuality());
        this.history = new ArrayList<>(state.history());
        this.step = new Step(state.stepIndex(), state.stepStartedAt(), ArmStats.restore(state.stableStep()),
                ArmStats.restore(state.candidateStep()), state.stableEarlierRequests(), state.stableEarlierErrors());
        this.status = state.status();
    }

    /** Continues a rollout from persisted state (see {@link #state()}); a state that does not fit the policy throws IllegalArgumentException. */
    public static CanaryController resume(EndpointPolicy.Canary policy, CanaryState state, Clock clock) {
        return new CanaryController(policy, state, clock);
    }

    /** The policy this rollout follows. */
    public EndpointPolicy.Canary policy() {
        return policy;
    }

    /** Running, promoted or rolled back. */
    public CanaryStatus status() {
        return status;
    }

    /** The candidate's share of traffic now, in percent: the current step, 100 when promoted, 0 when rolled back. */
    public double candidatePercent() {
        return switch (status) {
            case RUNNING -> policy.steps().get(step.index());
            case PROMOTED -> 100.0;
            case ROLLED_BACK -> 0.0;
        };
    }

    /**
     * Counts one request served by {@code arm} ({@code stable} or {@code candidate}) and evaluates
     * the step; returns the event when this request decided it. Ignored once the rollout ended.
     */
    public Optional<CanaryEvent> record(String arm, double latencyMillis, boolean error) {
        if (status != CanaryStatus.RUNNING) {
            return Optional.empty();
        }
        Step current = step;
        (isCandidate(arm) ? current.candidate() : current.stable()).record(latencyMillis, error);
        return evaluate();
    }

    /** Counts classification feedback for an answer of {@code arm}: right or wrong. */
    public void recordQuality(String arm, boolean correct) {
        (isCandidate(arm) ? candidateQuality : stableQuality).recordCorrect(correct);
    }

    /** Counts regression feedback for an answer of {@code arm}: its squared error. */
    public void recordSquaredError(String arm, double squaredError) {
        (isCandidate(arm) ? candidateQuality : stableQuality).recordSquaredError(squaredError);
    }

    /**
     * Decides the current step if it is due (or breached early): promotes or rolls back and
     * returns the event, or returns empty when nothing changed. Cheap when nothing is due; call it
     * after requests and on a timer.
     */
    public Optional<CanaryEvent> evaluate() {
        if (status != CanaryStatus.RUNNING) {
            return Optional.empty();
        }
        Step current = step;
        Instant now = clock.instant();
        boolean due = current.candidate().requests() >= policy.minRequestsPerStep()
                && !now.isBefore(current.startedAt().plusSeconds(policy.minStepSeconds()));
        if (!due) {
            long candidateErrors = current.candidate().errors();
            if (candidateErrors < EARLY_ROLLBACK_MIN_ERRORS) {
                return Optional.empty();
            }
            String breach = errorRateBreach(current);
            if (breach == null) {
                return Optional.empty();
            }
            synchronized (lock) {
                if (step != current || status != CanaryStatus.RUNNING) {
                    return Optional.empty();
                }
                return Optional.of(rollBack(now, current, breach + " (early, after " + candidateErrors
                        + " candidate errors)"));
            }
        }
        synchronized (lock) {
            if (step != current || status != CanaryStatus.RUNNING) {
                return Optional.empty();
            }
            String breach = firstBreach(current);
            return Optional.of(breach != null ? rollBack(now, current, breach) : promote(now, current));
        }
    }

    /** The state to persist; {@link #resume} continues from it. */
    public CanaryState state() {
        synchronized (lock) {
            Step current = step;
            return new CanaryState(status, current.index(), current.startedAt(), current.stable().state(),
                    current.candidate().state(), current.stableEarlierRequests(), current.stableEarlierErrors(),
                    stableQuality.state(), candidateQuality.state(), history);
        }
    }

    /** When this rollout started (its {@code start} event). */
    public Instant startedAt() {
        synchronized (lock) {
            return history.getFirst().time();
        }
    }

    /** The events so far, oldest first. */
    public List<CanaryEvent> history() {
        synchronized (lock) {
            return List.copyOf(history);
        }
    }

    /**
     * A view for {@code GET /v1/endpoints/{endpoint}}: status, candidate_percent, step_index,
     * steps, step_started_at, step_elapsed_seconds, this step's stable and candidate stats,
     * feedback quality per arm and the history.
     */
    public ObjectNode toJson() {
        CanaryState state = state();
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("status", state.status().id());
        out.put("candidate_percent", candidatePercent());
        out.put("step_index", state.stepIndex());
        ArrayNode steps = out.putArray("steps");
        policy.steps().forEach(steps::add);
        out.put("step_started_at", state.stepStartedAt().toString());
        out.put("step_elapsed_seconds", Math.max(0, Duration.between(state.stepStartedAt(), clock.instant()).toSeconds()));
        Step current = step;
        out.set("stable", current.stable().snapshot().toJson());
        out.set("candidate", current.candidate().snapshot().toJson());
        ObjectNode quality = out.putObject("quality");
        quality.set("stable", qualityJson(state.stableQuality()));
        quality.set("candidate", qualityJson(state.candidateQuality()));
        ArrayNode events = out.putArray("history");
        state.history().forEach(e -> events.add(CanaryState.eventJson(e)));
        return out;
    }

    private static ObjectNode qualityJson(QualityStats.State quality) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("labelled", quality.labelled());
        if (quality.labelled() > 0) {
            out.put("accuracy", quality.accuracy());
        }
        out.put("scored", quality.scored());
        if (quality.scored() > 0) {
            out.put("rmse", quality.rmse());
        }
        return out;
    }

    private static boolean isCandidate(String arm) {
        if (EndpointPolicy.Canary.CANDIDATE_ARM.equals(arm)) {
            return true;
        }
        if (EndpointPolicy.Canary.STABLE_ARM.equals(arm)) {
            return false;
        }
        throw new IllegalArgumentException("canary arm must be 'stable' or 'candidate', got '" + arm + "'");
    }

    private String firstBreach(Step current) {
        String breach = errorRateBreach(current);
        if (breach != null) {
            return breach;
        }
        Double maxP99 = policy.guards().maxP99LatencyMs();
        if (maxP99 != null) {
            double p99 = current.candidate().snapshot().p99Millis();
            if (p99 > maxP99) {
                return format("candidate p99 latency %.1f ms exceeds the limit of %.1f ms", p99, maxP99);
            }
        }
        return qualityBreach();
    }

    private String errorRateBreach(Step current) {
        long candidateRequests = current.candidate().requests();
        if (candidateRequests == 0) {
            return null;
        }
        double candidateRate = (double) current.candidate().errors() / candidateRequests;
        long stableRequests = current.stableEarlierRequests() + current.stable().requests();
        long stableErrors = current.stableEarlierErrors() + current.stable().errors();
        double stableRate = stableRequests == 0 ? 0.0 : (double) stableErrors / stableRequests;
        double limit = policy.guards().maxErrorRateIncrease();
        if (candidateRate - stableRate > limit) {
            return format("candidate error rate %.4f exceeds stable %.4f by more than %.4f",
                    candidateRate, stableRate, limit);
        }
        return null;
    }

    private String qualityBreach() {
        QualityStats.State stable = stableQuality.state();
        QualityStats.State candidate = candidateQuality.state();
        long minFeedback = policy.guards().minFeedback();
        double limit = policy.guards().maxQualityDrop();
        if (stable.labelled() >= minFeedback && candidate.labelled() >= minFeedback) {
            double drop = (stable.accuracy() - candidate.accuracy()) / Math.max(stable.accuracy(), 1e-9);
            if (drop > limit) {
                return format("candidate accuracy %.4f is %.1f%% below stable %.4f (limit %.1f%%)",
                        candidate.accuracy(), drop * 100, stable.accuracy(), limit * 100);
            }
        }
        if (stable.scored() >= minFeedback && candidate.scored() >= minFeedback) {
            double rise = (candidate.rmse() - stable.rmse()) / Math.max(stable.rmse(), 1e-9);
            if (rise > limit) {
                return format("candidate RMSE %.4g is %.1f%% above stable %.4g (limit %.1f%%)",
                        candidate.rmse(), rise * 100, stable.rmse(), limit * 100);
            }
        }
        return null;
    }

    private CanaryEvent promote(Instant now, Step current) {
        double from = policy.steps().get(current.index());
        ArmStats.Snapshot candidate = current.candidate().snapshot();
        String summary = format("step %d (%s%%) passed: %d candidate requests, error rate %.4f, p99 %.1f ms",
                current.index() + 1, percentText(from), candidate.requests(), candidate.errorRate(),
                candidate.p99Millis());
        CanaryEvent event;
        if (current.index() == policy.steps().size() - 1) {
            status = CanaryStatus.PROMOTED;
            event = new CanaryEvent(now, from, 100.0, CanaryEvent.Action.PROMOTE,
                    summary + "; candidate promoted to all traffic");
        } else {
            double to = policy.steps().get(current.index() + 1);
            step = new Step(current.index() + 1, now, new ArmStats(), new ArmStats(),
                    current.stableEarlierRequests() + current.stable().requests(),
                    current.stableEarlierErrors() + current.stable().errors());
            event = new CanaryEvent(now, from, to, CanaryEvent.Action.PROMOTE, summary);
        }
        history.add(event);
        return event;
    }

    private CanaryEvent rollBack(Instant now, Step current, String reason) {
        status = CanaryStatus.ROLLED_BACK;
        CanaryEvent event = new CanaryEvent(now, policy.steps().get(current.index()), 0.0,
                CanaryEvent.Action.ROLLBACK, reason);
        history.add(event);
        return event;
    }

    private static String percentText(double percent) {
        return percent == Math.rint(percent) ? Long.toString((long) percent) : Double.toString(percent);
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
