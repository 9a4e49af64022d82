package io.autogate.engine.space;

import io.autogate.runtime.schema.TaskType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A model family's hyper-parameter space: ordered, typed dimensions (possibly conditional on
 * earlier ones or restricted to some tasks) and a portfolio of known-good configurations.
 * Parameter maps it returns are {@link LinkedHashMap}s in declared order, holding exactly the
 * active parameters, ints as {@link Integer} and floats as {@link Double}. Immutable and thread-safe.
 *
 * <p>The constructor checks that names are unique, that conditions refer to earlier parameters
 * and to values those can take, and that every portfolio entry names known parameters with valid
 * values; violations throw {@link IllegalArgumentException} with a message that starts with
 * {@code "<family>: "}.
 *
 * @param family the model family name, e.g. {@code xgboost}
 * @param description one line for people
 * @param tasks the tasks the family supports (not empty)
 * @param dimensions the parameters, in declared order
 * @param portfolio known-good configurations, in the order to try them
 */
public record SearchSpace(String family, String description, Set<TaskType> tasks, List<Dimension> dimensions,
                          List<PortfolioEntry> portfolio) {
    public SearchSpace {
        if (family == null || !family.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("a search space needs a family name of letters, digits, '_', '-' or '.', got "
                    + family);
        }
        description = description == null ? "" : description;
        if (tasks == null || tasks.isEmpty()) {
            throw new IllegalArgumentException(family + ": tasks must not be empty");
        }
        tasks = ParameterValues.copyTasks(tasks);
        dimensions = List.copyOf(dimensions);
        portfolio = List.copyOf(portfolio);
        try {
            checkDimensions(tasks, dimensions);
            checkPortfolio(tasks, dimensions, portfolio);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(family + ": " + e.getMessage(), e);
        }
    }

    /** A space without a portfolio. */
    public SearchSpace(String family, String description, Set<TaskType> tasks, List<Dimension> dimensions) {
        this(family, description, tasks, dimensions, List.of());
    }

    /** Whether the family supports a task. */
    public boolean supports(TaskType task) {
        return tasks.contains(task);
    }

    /** The dimension with a name, if declared. */
    public Optional<Dimension> dimension(String name) {
        return dimensions.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /**
     * Whether a dimension is active for a task, given the values already chosen for the
     * parameters declared before it (a condition on a parameter that is absent fails).
     */
    public boolean isActive(Dimension dimension, TaskType task, Map<String, Object> earlierValues) {
        return isActive(dimension, task, earlierValues::get);
    }

    /**
     * Fills in defaults, drops parameters that are inactive for the task or under the given
     * values, and checks the rest.
     *
     * @param partial some parameters (may be empty); values of inactive parameters are ignored
     * @return every active parameter, in declared order, in canonical form
     * @throws IllegalArgumentException naming the family and parameter when a name is unknown or a
     *     value is out of range or not a known choice, or when the family does not support the task
     */
    public Map<String, Object> complete(Map<String, Object> partial, TaskType task) {
        if (!supports(task)) {
            throw new IllegalArgumentException(family + ": does not support task " + task.id() + " (supports " + tasksText() + ")");
        }
        try {
            return completeAgainst(dimensions, partial, task);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(family + ": " + e.getMessage(), e);
        }
    }

    /** The default value of every active parameter for a task. */
    public Map<String, Object> defaults(TaskType task) {
        return complete(Map.of(), task);
    }

    /**
     * Draws a configuration: each active dimension uniformly (log-uniformly on a log scale, a
     * uniform choice for choices), in declared order so that conditions see earlier draws.
     */
    public Map<String, Object> sample(SplittableRandom rng, TaskType task) {
        if (!supports(task)) {
            throw new IllegalArgumentException(family + ": does not support task " + task.id() + " (supports " + tasksText() + ")");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Dimension dimension : dimensions) {
            if (isActive(dimension, task, values)) {
                values.put(dimension.name(), dimension.sample(rng));
            }
        }
        return values;
    }

    /**
     * The portfolio entries for a task, in order, with their parameters completed; empty when the
     * family does not support the task.
     */
    public List<PortfolioEntry> portfolio(TaskType task) {
        List<PortfolioEntry> entries = new ArrayList<>();
        for (PortfolioEntry entry : portfolio) {
            if (entry.appliesTo(task) && supports(task)) {
                entries.add(new PortfolioEntry(entry.name(), complete(entry.params(), task), entry.tasks()));
            }
        }
        return entries;
    }

    private String tasksText() {
        return tasks.stream().map(TaskType::id).toList().toString();
    }

    private static boolean isActive(Dimension dimension, TaskType task, Function<String, Object> earlier) {
        if (!dimension.appliesTo(task)) {
            return false;
        }
        for (Map.Entry<String, List<Object>> condition : dimension.when().entrySet()) {
            Object value = earlier.apply(condition.getKey());
            if (value == null || condition.getValue().stream().noneMatch(allowed -> ParameterValues.same(allowed, value))) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Object> completeAgainst(List<Dimension> dimensions, Map<String, Object> partial, TaskType task) {
        for (String name : partial.keySet()) {
            if (dimensions.stream().noneMatch(d -> d.name().equals(name))) {
                throw new IllegalArgumentException("unknown parameter '" + name + "'");
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Dimension dimension : dimensions) {
            if (!isActive(dimension, task, values::get)) {
                continue;
            }
            String name = dimension.name();
            values.put(name, partial.containsKey(name) ? dimension.validate(partial.get(name)) : dimension.defaultValue());
        }
        return values;
    }

    private static void checkDimensions(Set<TaskType> tasks, List<Dimension> dimensions) {
        Map<String, Dimension> earlier = new HashMap<>();
        for (Dimension dimension : dimensions) {
            String where = "parameter '" + dimension.name() + "': ";
            if (earlier.containsKey(dimension.name())) {
                throw new IllegalArgumentException(where + "declared twice");
            }
            checkTasks(where, tasks, dimension.tasks());
            for (Map.Entry<String, List<Object>> condition : dimension.when().entrySet()) {
                Dimension target = earlier.get(condition.getKey());
                if (target == null) {
                    throw new IllegalArgumentException(where + "condition on '" + condition.getKey()
                            + "', which is not a parameter declared before it");
                }
                for (Object allowed : condition.getValue()) {
                    try {
                        target.validate(allowed);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(where + "condition can never hold: " + e.getMessage(), e);
                    }
                }
            }
            earlier.put(dimension.name(), dimension);
        }
    }

    private static void checkPortfolio(Set<TaskType> tasks, List<Dimension> dimensions, List<PortfolioEntry> portfolio) {
        Set<String> names = new HashSet<>();
        for (PortfolioEntry entry : portfolio) {
            String where = "portfolio entry '" + entry.name() + "': ";
            if (!names.add(entry.name())) {
                throw new IllegalArgumentException(where + "name used twice");
            }
            checkTasks(where, tasks, entry.tasks());
            for (TaskType task : tasks) {
                if (entry.appliesTo(task)) {
                    try {
                        completeAgainst(dimensions, entry.params(), task);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(where + e.getMessage(), e);
                    }
                }
            }
        }
    }

    private static void checkTasks(String where, Set<TaskType> spaceTasks, Set<TaskType> tasks) {
        for (TaskType task : tasks) {
            if (!spaceTasks.contains(task)) {
                throw new IllegalArgumentException(where + "task " + task.id() + " is not among the family's tasks "
                        + spaceTasks.stream().map(TaskType::id).toList());
            }
        }
    }
}
