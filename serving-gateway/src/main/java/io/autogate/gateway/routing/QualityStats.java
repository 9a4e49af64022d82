package io.autogate.gateway.routing;

import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Feedback on one arm's answers: right/wrong counts for classification and squared errors for
 * regression. Lock-free and thread-safe; reads taken during recording may be a moment behind.
 */
public final class QualityStats {
    private final LongAdder labelled = new LongAdder();
    private final LongAdder correct = new LongAdder();
    private final LongAdder scored = new LongAdder();
    private final DoubleAdder squaredErrorSum = new DoubleAdder();

    /** Empty stats. */
    public QualityStats() {
    }

    /** Stats that continue from a persisted state. */
    public static QualityStats restore(State state) {
        QualityStats stats = new QualityStats();
        stats.labelled.add(state.labelled());
        stats.correct.add(state.correct());
        stats.scored.add(state.scored());
        stats.squaredErrorSum.add(state.squaredErrorSum());
        return stats;
    }

    /** Counts one classification answer that was right or wrong. */
    public void recordCorrect(boolean wasCorrect) {
        labelled.increment();
        if (wasCorrect) {
            correct.increment();
        }
    }

    /** Counts one regression answer's squared error (must be finite and >= 0). */
    public void recordSquaredError(double squaredError) {
        if (!(squaredError >= 0) || Double.isInfinite(squaredError)) {
            throw new IllegalArgumentException("squared error must be a finite number >= 0, got " + squaredError);
        }
        scored.increment();
        squaredErrorSum.add(squaredError);
    }

    /** The counts now. */
    public State state() {
        return new State(labelled.sum(), correct.sum(), scored.sum(), squaredErrorSum.sum());
    }

    /**
     * Feedback counts: {@code labelled} classification answers of which {@code correct} were right,
     * and {@code scored} regression answers with the sum of their squared errors.
     */
    public record State(long labelled, long correct, long scored, double squaredErrorSum) {
        /** Share of right answers, 0 without labelled answers. */
        public double accuracy() {
            return labelled == 0 ? 0.0 : (double) correct / labelled;
        }

        /** Root mean squared error, 0 without scored answers. */
        public double rmse() {
            return scored == 0 ? 0.0 : Math.sqrt(squaredErrorSum / scored);
        }
    }
}
