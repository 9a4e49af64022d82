package io.autogate.gateway.feedback;

/** Running quality sums of one arm or model. Thread-safe: methods synchronise on the instance. */
final class QualityAccumulator {
    private long classified;
    private long correct;
    private long regressed;
    private double sumSquaredError;
    private double sumSquaredErrorSquared;
    private double sumAbsoluteError;

    /** Counts one outcome. */
    synchronized void add(FeedbackOutcome o) {
        if (o.classification()) {
            classified++;
            correct += o.correct() ? 1 : 0;
        } else {
            regressed++;
            sumSquaredError += o.squaredError();
            sumSquaredErrorSquared += o.squaredError() * o.squaredError();
            sumAbsoluteError += o.absoluteError();
        }
    }

    /** The sums so far under a name. */
    synchronized ArmQuality snapshot(String name) {
        return new ArmQuality(name, classified, correct, regressed, sumSquaredError, sumSquaredErrorSquared,
                sumAbsoluteError);
    }
}
