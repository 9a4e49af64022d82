package io.autogate.gateway.feedback;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Joins ground truth to logged predictions and keeps live quality per endpoint, per arm and per
 * model: accuracy for classification, RMSE and MAE for regression. Every accepted outcome is also
 * written to the {@link PredictionLog}, and on construction quality is rebuilt from the outcomes
 * the log still keeps, so after a restart quality covers the log's retention window (while running,
 * it covers everything accepted since start plus that restored part).
 *
 * <p>Thread-safe: submissions may run concurrently; a prediction is counted at most once because
 * the log records feedback for a row only once.
 */
public final class FeedbackService {
    private final PredictionLog log;
    private final Clock clock;
    private final Map<String, Map<String, QualityAccumulator>> byArm = new ConcurrentHashMap<>();
    private final Map<String, Map<String, QualityAccumulator>> byModel = new ConcurrentHashMap<>();
    private final List<QualityListener> listeners = new CopyOnWriteArrayList<>();

    /** A service over a log, restoring quality from the feedback the log holds. */
    public FeedbackService(PredictionLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
        log.feedback().forEach(this::count);
    }

    /** Registers a listener for every outcome accepted from now on. */
    public void addListener(QualityListener listener) {
        listeners.add(listener);
    }

    /**
     * Joins each item to its logged prediction and counts the accepted ones.
     *
     * @param endpoint the endpoint the feedback was posted to; predictions served by another are rejected
     */
    public FeedbackResult submit(String endpoint, List<Feedback> items) {
        int accepted = 0;
        List<Rejection> rejected = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Feedback item = items.get(i);
            Problem problem = accept(endpoint, item);
            if (problem == null) {
                accepted++;
            } else {
                rejected.add(new Rejection(i, item.requestId(), item.row(), problem.code(), problem.message()));
            }
        }
        return new FeedbackResult(accepted, rejected);
    }

    /** Quality of each arm of an endpoint, by arm name; empty when it has no feedback yet. */
    public Map<String, ArmQuality> quality(String endpoint) {
        return snapshot(byArm.get(endpoint));
    }

    /** Quality of each model ({@code name@version}) that served an endpoint. */
    public Map<String, ArmQuality> qualityByModel(String endpoint) {
        return snapshot(byModel.get(endpoint));
    }

    /** Counts the item, or says why it was not counted. */
    private Problem accept(String endpoint, Feedback item) {
        Optional<LoggedPrediction> found = log.find(item.requestId(), item.row());
        if (found.isEmpty()) {
            int rows = log.rows(item.requestId());
            return rows == 0
                    ? new Problem("unknown_request_id",
                            "no logged prediction for request_id '" + item.requestId() + "' (unknown or expired)")
                    : new Problem("row_out_of_range", "row " + item.row() + " is out of range; request '"
                            + item.requestId() + "' has " + rows + " row(s)");
        }
        LoggedPrediction p = found.get();
        if (!p.endpoint().equals(endpoint)) {
            return new Problem("wrong_endpoint", "request '" + item.requestId() + "' was served by endpoint '"
                    + p.endpoint() + "', not '" + endpoint + "'");
        }
        FeedbackOutcome outcome;
        String actual = item.actual().strip();
        if (p.classification()) {
            boolean correct = sameLabel(p.label(), actual);
            outcome = new FeedbackOutcome(p.requestId(), p.row(), endpoint, p.arm(), p.model(), clock.millis(), actual,
                    true, correct, correct ? 0 : 1, correct ? 0 : 1);
        } else if (p.value() != null) {
            double y = parseNumber(actual);
            if (Double.isNaN(y)) {
                return new Problem("bad_actual",
                        "actual must be a number for a regression endpoint, got '" + item.actual() + "'");
            }
            double error = p.value() - y;
            outcome = new FeedbackOutcome(p.requestId(), p.row(), endpoint, p.arm(), p.model(), clock.millis(), actual,
                    false, false, error * error, Math.abs(error));
        } else {
            return new Problem("bad_actual", "the logged prediction has neither a label nor a value to compare with");
        }
        if (!log.recordFeedback(outcome)) {
            return new Problem("duplicate", "request '" + item.requestId() + "' row " + item.row()
                    + " already has feedback; not counted again");
        }
        count(outcome);
        for (QualityListener l : listeners) {
            l.onOutcome(p, outcome);
        }
        return null;
    }

    private void count(FeedbackOutcome o) {
        byArm.computeIfAbsent(o.endpoint(), k -> new ConcurrentHashMap<>())
                .computeIfAbsent(o.arm(), k -> new QualityAccumulator()).add(o);
        byModel.computeIfAbsent(o.endpoint(), k -> new ConcurrentHashMap<>())
                .computeIfAbsent(o.model(), k -> new QualityAccumulator()).add(o);
    }

    private static Map<String, ArmQuality> snapshot(Map<String, QualityAccumulator> accumulators) {
        Map<String, ArmQuality> out = new TreeMap<>();
        if (accumulators != null) {
            accumulators.forEach((name, acc) -> out.put(name, acc.snapshot(name)));
        }
        return out;
    }

    /** Why an item was not counted. */
    private record Problem(String code, String message) {
    }

    /** Labels match as text, or as numbers when both are numbers ("1" and "1.0"). */
    static boolean sameLabel(String predicted, String actual) {
        if (predicted.strip().equals(actual)) {
            return true;
        }
        double a = parseNumber(predicted.strip());
        double b = parseNumber(actual);
        return !Double.isNaN(a) && a == b;
    }

    /** The finite number a text holds, or NaN. */
    private static double parseNumber(String text) {
        try {
            double v = Double.parseDouble(text);
            return Double.isFinite(v) ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
