package io.autogate.engine.space;

import io.autogate.runtime.schema.TaskType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A parameter that takes one of a list of values (strings, numbers or booleans), sampled uniformly.
 *
 * @param name the parameter name
 * @param values the distinct values, in declared order
 * @param defaultValue the default, one of {@code values}
 * @param tasks the tasks the parameter applies to; empty means all
 * @param when conditions on earlier parameters; empty means always active
 */
public record ChoiceDimension(String name, List<Object> values, Object defaultValue,
                              Set<TaskType> tasks, Map<String, List<Object>> when) implements Dimension {
    public ChoiceDimension {
        ParameterValues.requireName(name);
        String where = "parameter '" + name + "': ";
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException(where + "a choice needs at least one value");
        }
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (!ParameterValues.isScalar(value)) {
                throw new IllegalArgumentException(where + "choice values must be strings, numbers or booleans, got " + value);
            }
            for (int j = 0; j < i; j++) {
                if (ParameterValues.same(values.get(j), value)) {
                    throw new IllegalArgumentException(where + "duplicate value " + ParameterValues.describe(value));
                }
            }
        }
        List<Object> declared = List.copyOf(values);
        values = declared;
        if (defaultValue == null) {
            throw new IllegalArgumentException(where + "missing default");
        }
        Object given = defaultValue;
        defaultValue = declared.stream().filter(v -> ParameterValues.same(v, given)).findFirst().orElseThrow(
                () -> new IllegalArgumentException(where + "default " + ParameterValues.describe(given)
                        + " is not one of " + declared));
        tasks = ParameterValues.copyTasks(tasks);
        when = ParameterValues.copyConditions(name, when);
    }

    /** An unconditional choice for every task. */
    public ChoiceDimension(String name, List<Object> values, Object defaultValue) {
        this(name, values, defaultValue, Set.of(), Map.of());
    }

    @Override
    public Object validate(Object value) {
        return values.get(indexOf(value));
    }

    /**
     * The position of a value among the choices.
     *
     * @throws IllegalArgumentException when it is not one of them
     */
    public int indexOf(Object value) {
        for (int i = 0; i < values.size(); i++) {
            if (ParameterValues.same(values.get(i), value)) {
                return i;
            }
        }
        throw new IllegalArgumentException("parameter '" + name + "': " + ParameterValues.describe(value)
                + " is not one of " + values);
    }

    @Override
    public Object sample(SplittableRandom rng) {
        return values.get(rng.nextInt(values.size()));
    }
}
