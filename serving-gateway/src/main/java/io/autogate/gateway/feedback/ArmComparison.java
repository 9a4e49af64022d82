package io.autogate.gateway.feedback;

/**
 * An A/B comparison of two arms on one metric ({@code accuracy} or {@code mse}, the mean squared
 * error): each arm's sample size and value, {@code difference} = B minus A, the test statistic
 * (z for accuracy, Welch's t for MSE), the two-sided p-value and whether it is below the level
 * asked for. When an arm lacks data the values are NaN and {@code significant} is false.
 */
public record ArmComparison(String metric, long countA, long countB, double valueA, double valueB,
                            double difference, double statistic, double pValue, boolean significant) {
}
