package io.autogate.gateway.routing;

/**
 * One way an endpoint can be served: the arm's {@code name} (unique within its endpoint, e.g.
 * {@code default}, {@code a}, {@code stable}) and the model reference text that serves it
 * ({@code churn}, {@code churn@3} or {@code churn:production}).
 */
public record Arm(String name, String modelRef) {
}
