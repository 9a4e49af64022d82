package io.autogate.engine.space;

import io.autogate.runtime.schema.TaskType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A parameter the search never varies (an objective name, a thread count) but that the family
 * still receives, often only for some tasks.
 *
 * @param name the parameter name
 * @param value the value: a string, number or boolean
 * @param tasks the tasks the parameter applies to; empty means all
 * @param when conditions on earlier parameters; empty means always active
 */
public record FixedDimension(String name, Object value, Set<TaskType> tasks, Map<String, List<Object>> when)
        implements Dimension {
    public FixedDimension {
        ParameterValues.requireName(name);
        if (!ParameterValues.isScalar(value)) {
            throw new IllegalArgumentException("parameter '" + name + "': a fixed value must be a string, number or boolean, got "
                    + value);
        }
        tasks = ParameterValues.copyTasks(tasks);
        when = ParameterValues.copyConditions(name, when);
    }

    /** An unconditional fixed parameter for every task. */
    public FixedDimension(String name, Object value) {
        this(name, value, Set.of(), Map.of());
    }

    @Override
    public Object defaultValue() {
        return value;
    }

    @Override
    public Object validate(Object given) {
        if (!ParameterValues.same(value, given)) {
            throw new IllegalArgumentException("parameter '" + name + "': fixed at " + ParameterValues.describe(value)
                    + ", got " + ParameterValues.describe(given));
        }
        return value;
    }

    @Override
    public Object sample(SplittableRandom rng) {
        return value;
    }
}
