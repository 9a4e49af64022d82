package io.autogate.gateway.batch;

import java.util.List;

/**
 * Which columns batch output appends to each input record: one {@code probability_<class>} per
 * class in {@code classes} (in the order of the predictions' probabilities; empty for regression)
 * and an {@code arm} column when {@code withArm} (endpoints).
 */
public record BatchOutputSpec(List<String> classes, boolean withArm) {
    /** Copies the class list; {@code null} means regression. */
    public BatchOutputSpec {
        classes = classes == null ? List.of() : List.copyOf(classes);
    }

    /** Whether the output carries class probabilities. */
    public boolean classification() {
        return !classes.isEmpty();
    }
}
