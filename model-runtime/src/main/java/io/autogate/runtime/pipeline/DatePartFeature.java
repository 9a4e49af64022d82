package io.autogate.runtime.pipeline;

import java.util.Objects;

/**
 * One output of a {@link DateTimeTransform}: which part of the date, the training median that
 * replaces a missing value, and the standardisation applied afterwards.
 */
public record DatePartFeature(DatePart part, double median, Scaling scaling) {
    public DatePartFeature {
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(scaling, "scaling");
        if (!Double.isFinite(median)) {
            throw new IllegalArgumentException("median of date part " + part + " is not finite");
        }
    }
}
