package io.autogate.gateway.routing;

/**
 * One persisted endpoint: its name, its routing policy and, for a canary policy, the rollout
 * state ({@code null} when the policy is not a canary or the rollout has not recorded state yet).
 */
public record StoredEndpoint(String name, EndpointPolicy policy, CanaryState canary) {
}
