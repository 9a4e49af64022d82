package io.autogate.engine.family;

import io.autogate.engine.BadInputException;
import io.autogate.runtime.schema.TaskType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The model families available to a search, found with {@link ServiceLoader} and kept in
 * priority order: strong and cheap families first, so a short budget still tries the best bets.
 * Families not in the priority list come last, by name. Immutable.
 */
public final class ModelFamilies {
    /** Search order of the built-in families. */
    public static final List<String> PRIORITY = List.of(
            "xgboost", "random_forest", "gbt", "linear", "extra_trees", "decision_tree", "naive_bayes", "knn", "mlp");

    private final List<ModelFamily> families;

    /** A fixed set of families. */
    public ModelFamilies(List<ModelFamily> families) {
        List<ModelFamily> sorted = new ArrayList<>(families);
        sorted.sort(Comparator.comparingInt((ModelFamily f) -> {
            int i = PRIORITY.indexOf(f.name());
            return i < 0 ? PRIORITY.size() : i;
        }).thenComparing(ModelFamily::name));
        this.families = List.copyOf(sorted);
    }

    /** Every family registered on the class path. */
    public static ModelFamilies discover() {
        return new ModelFamilies(ServiceLoader.load(ModelFamily.class).stream().map(ServiceLoader.Provider::get).toList());
    }

    /** All families, in priority order. */
    public List<ModelFamily> all() {
        return families;
    }

    /**
     * The families for a task, restricted to {@code names} unless it is empty; an unknown name is
     * a {@link BadInputException} that lists the known ones.
     */
    public List<ModelFamily> forTask(TaskType task, List<String> names) {
        for (String name : names) {
            if (families.stream().noneMatch(f -> f.name().equals(name))) {
                throw new BadInputException("unknown model family '" + name + "'; known: "
                        + String.join(", ", families.stream().map(ModelFamily::name).toList()));
            }
        }
        List<ModelFamily> out = families.stream()
                .filter(f -> names.isEmpty() || names.contains(f.name()))
                .filter(f -> f.supports(task))
                .toList();
        if (out.isEmpty()) {
            throw new BadInputException("none of the families " + names + " supports " + task.id() + " tasks");
        }
        return out;
    }
}
