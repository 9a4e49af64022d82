package io.autogate.gateway.routing;

/** One arm of an A/B policy: its name, the model reference serving it and its traffic weight (> 0). */
public record WeightedArm(String name, String model, double weight) {
}
