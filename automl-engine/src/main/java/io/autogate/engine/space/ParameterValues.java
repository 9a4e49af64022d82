package io.autogate.engine.space;

import io.autogate.runtime.schema.TaskType;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Shared checks and formatting for parameter values, conditions and task sets. */
final class ParameterValues {
    private ParameterValues() {
    }

    /** Whether a value may appear in a choice, a fixed dimension or a condition. */
    static boolean isScalar(Object value) {
        return value instanceof String || value instanceof Boolean || value instanceof Number;
    }

    /** Equality that treats numbers by value ({@code 3} equals {@code 3.0}). */
    static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue()) == 0;
        }
        return a != null && a.equals(b);
    }

    /** A value as it appears in a message: strings quoted, numbers and booleans as is. */
    static String describe(Object value) {
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }

    /** An unmodifiable, ordered copy of a task set; empty means every task. */
    static Set<TaskType> copyTasks(Collection<TaskType> tasks) {
        if (tasks == null || tasks.isEmpty()) {
            return Collections.unmodifiableSet(EnumSet.noneOf(TaskType.class));
        }
        return Collections.unmodifiableSet(EnumSet.copyOf(tasks));
    }

    /** Whether a task set (empty meaning every task) includes a task. */
    static boolean includes(Set<TaskType> tasks, TaskType task) {
        return tasks.isEmpty() || tasks.contains(task);
    }

    /** Validates and copies the conditions of a dimension, keeping their order. */
    static Map<String, List<Object>> copyConditions(String parameter, Map<String, List<Object>> when) {
        Map<String, List<Object>> copy = new LinkedHashMap<>();
        if (when != null) {
            for (Map.Entry<String, List<Object>> condition : when.entrySet()) {
                if (condition.getKey() == null || condition.getKey().isBlank()) {
                    throw new IllegalArgumentException("parameter '" + parameter + "': condition without a parameter name");
                }
                List<Object> allowed = condition.getValue();
                if (allowed == null || allowed.isEmpty()) {
                    throw new IllegalArgumentException("parameter '" + parameter + "': condition on '"
                            + condition.getKey() + "' allows no value");
                }
                for (Object value : allowed) {
                    if (!isScalar(value)) {
                        throw new IllegalArgumentException("parameter '" + parameter + "': condition on '"
                                + condition.getKey() + "' needs strings, numbers or booleans, got " + value);
                    }
                }
                copy.put(condition.getKey(), List.copyOf(allowed));
            }
        }
        return Collections.unmodifiableMap(copy);
    }

    /** Checks a dimension's name. */
    static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a parameter needs a name");
        }
    }
}
