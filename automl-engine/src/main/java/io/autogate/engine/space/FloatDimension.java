package io.autogate.engine.space;

import io.autogate.runtime.schema.TaskType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A real-valued parameter in {@code [low, high]}, sampled uniformly or, with {@code log}, log-uniformly.
 *
 * @param name the parameter name
 * @param low the smallest value (must be positive when {@code log})
 * @param high the largest value, above {@code low}
 * @param log whether to search on a log scale
 * @param defaultValue the default, within the range
 * @param tasks the tasks the parameter applies to; empty means all
 * @param when conditions on earlier parameters; empty means always active
 */
public record FloatDimension(String name, double low, double high, boolean log, Double defaultValue,
                             Set<TaskType> tasks, Map<String, List<Object>> when) implements Dimension {
    public FloatDimension {
        ParameterValues.requireName(name);
        String where = "parameter '" + name + "': ";
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException(where + "low and high must be finite numbers");
        }
        if (!(low < high)) {
            throw new IllegalArgumentException(where + "low " + low + " is not below high " + high);
        }
        if (log && !(low > 0)) {
            throw new IllegalArgumentException(where + "log scale needs low > 0, got " + low);
        }
        if (defaultValue == null) {
            throw new IllegalArgumentException(where + "missing default");
        }
        if (!(defaultValue >= low && defaultValue <= high)) {
            throw new IllegalArgumentException(where + "default " + defaultValue + " is outside [" + low + ", " + high + "]");
        }
        tasks = ParameterValues.copyTasks(tasks);
        when = ParameterValues.copyConditions(name, when);
    }

    /** An unconditional float parameter for every task. */
    public FloatDimension(String name, double low, double high, boolean log, double defaultValue) {
        this(name, low, high, log, defaultValue, Set.of(), Map.of());
    }

    @Override
    public Double validate(Object value) {
        if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
            throw new IllegalArgumentException("parameter '" + name + "': expected a number, got "
                    + ParameterValues.describe(value));
        }
        double x = number.doubleValue();
        if (x < low || x > high) {
            throw new IllegalArgumentException("parameter '" + name + "': " + x + " is outside [" + low + ", " + high + "]");
        }
        return x;
    }

    @Override
    public Double sample(SplittableRandom rng) {
        double u = rng.nextDouble();
        double x = log ? Math.exp(Math.log(low) + u * (Math.log(high) - Math.log(low))) : low + u * (high - low);
        return Math.min(high, Math.max(low, x));
    }
}
