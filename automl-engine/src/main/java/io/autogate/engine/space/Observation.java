package io.autogate.engine.space;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A configuration that was tried and the loss it reached (lower is better). A failed trial may
 * report {@link Double#POSITIVE_INFINITY} or {@link Double#NaN}; samplers rank both as worst.
 *
 * @param params the parameters as proposed (complete for the task)
 * @param loss the validation loss
 */
public record Observation(Map<String, Object> params, double loss) {
    public Observation {
        if (params == null) {
            throw new IllegalArgumentException("an observation needs its parameters");
        }
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** The loss with {@code NaN} mapped to positive infinity, for ranking. */
    double rankingLoss() {
        return Double.isNaN(loss) ? Double.POSITIVE_INFINITY : loss;
    }
}
