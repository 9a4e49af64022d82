package io.autogate.gateway.routing;

/**
 * The limits a canary candidate must stay within at every step; a breach rolls the canary back.
 *
 * @param maxErrorRateIncrease largest allowed candidate error rate minus stable error rate
 * @param maxP99LatencyMs      largest allowed candidate p99 latency in milliseconds, or
 *                             {@code null} for no latency guard
 * @param maxQualityDrop       largest allowed relative quality loss of the candidate against
 *                             stable: accuracy {@code (stable - candidate) / stable}, or RMSE
 *                             {@code (candidate - stable) / stable}
 * @param minFeedback          feedback answers each arm needs before quality is compared
 */
public record CanaryGuards(double maxErrorRateIncrease, Double maxP99LatencyMs, double maxQualityDrop,
                           long minFeedback) {
    /** Default largest error-rate increase: 2 percentage points. */
    public static final double DEFAULT_MAX_ERROR_RATE_INCREASE = 0.02;
    /** Default largest relative quality drop: 5%. */
    public static final double DEFAULT_MAX_QUALITY_DROP = 0.05;
    /** Default feedback answers needed per arm before quality is compared. */
    public static final long DEFAULT_MIN_FEEDBACK = 50;

    /** The guards used when a canary policy names none: no latency guard, other limits at their defaults. */
    public static CanaryGuards defaults() {
        return new CanaryGuards(DEFAULT_MAX_ERROR_RATE_INCREASE, null, DEFAULT_MAX_QUALITY_DROP, DEFAULT_MIN_FEEDBACK);
    }
}
