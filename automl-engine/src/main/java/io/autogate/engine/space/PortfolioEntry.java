package io.autogate.engine.space;

import io.autogate.runtime.schema.TaskType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A known-good configuration the search tries before sampling, e.g. a library default or a
 * configuration that won often in published benchmarks. Parameters not given take defaults.
 *
 * @param name a name unique within the space, e.g. {@code h2o-def-3}
 * @param params the parameters it sets, in declared order
 * @param tasks the tasks it is for; empty means every task of the space
 */
public record PortfolioEntry(String name, Map<String, Object> params, Set<TaskType> tasks) {
    public PortfolioEntry {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a portfolio entry needs a name");
        }
        if (params == null) {
            throw new IllegalArgumentException("portfolio entry '" + name + "': params must not be null");
        }
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        tasks = ParameterValues.copyTasks(tasks);
    }

    /** Whether the entry is meant for a task. */
    public boolean appliesTo(TaskType task) {
        return ParameterValues.includes(tasks, task);
    }
}
