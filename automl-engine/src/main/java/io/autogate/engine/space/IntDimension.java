package io.autogate.engine.space;

import io.autogate.runtime.schema.TaskType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * An integer parameter in {@code [low, high]} (both inclusive), sampled uniformly or, with
 * {@code log}, log-uniformly over {@code [low - 0.5, high + 0.5]} and rounded.
 *
 * @param name the parameter name
 * @param low the smallest value (at least 1 when {@code log})
 * @param high the largest value, above {@code low}
 * @param log whether to search on a log scale
 * @param defaultValue the default, within the range
 * @param tasks the tasks the parameter applies to; empty means all
 * @param when conditions on earlier parameters; empty means always active
 */
public record IntDimension(String name, int low, int high, boolean log, Integer defaultValue,
                           Set<TaskType> tasks, Map<String, List<Object>> when) implements Dimension {
    public IntDimension {
        ParameterValues.requireName(name);
        String where = "parameter '" + name + "': ";
        if (low >= high) {
            throw new IllegalArgumentException(where + "low " + low + " is not below high " + high);
        }
        if (log && low <= 0) {
            throw new IllegalArgumentException(where + "log scale needs low > 0, got " + low);
        }
        if (defaultValue == null) {
            throw new IllegalArgumentException(where + "missing default");
        }
        if (defaultValue < low || defaultValue > high) {
            throw new IllegalArgumentException(where + "default " + defaultValue + " is outside [" + low + ", " + high + "]");
        }
        tasks = ParameterValues.copyTasks(tasks);
        when = ParameterValues.copyConditions(name, when);
    }

    /** An unconditional int parameter for every task. */
    public IntDimension(String name, int low, int high, boolean log, int defaultValue) {
        this(name, low, high, log, defaultValue, Set.of(), Map.of());
    }

    @Override
    public Integer validate(Object value) {
        if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
            throw new IllegalArgumentException("parameter '" + name + "': expected an integer, got "
                    + ParameterValues.describe(value));
        }
        double x = number.doubleValue();
        if (x != Math.rint(x)) {
            throw new IllegalArgumentException("parameter '" + name + "': " + value + " is not an integer");
        }
        if (x < low || x > high) {
            throw new IllegalArgumentException("parameter '" + name + "': " + value + " is outside [" + low + ", " + high + "]");
        }
        return (int) x;
    }

    @Override
    public Integer sample(SplittableRandom rng) {
        if (!log) {
            return (int) rng.nextLong(low, high + 1L);
        }
        double lo = Math.log(low - 0.5);
        double hi = Math.log(high + 0.5);
        return clamp(Math.round(Math.exp(lo + rng.nextDouble() * (hi - lo))));
    }

    /** Rounds into the range; used by samplers that work on a continuous scale. */
    int clamp(long rounded) {
        return (int) Math.min(high, Math.max(low, rounded));
    }
}
