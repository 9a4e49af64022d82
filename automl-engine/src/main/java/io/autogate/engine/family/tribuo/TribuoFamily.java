package io.autogate.engine.family.tribuo;

import io.autogate.engine.family.ModelFamily;
import io.autogate.engine.family.TrainingSet;
import io.autogate.runtime.model.NumericModel;
import io.autogate.runtime.schema.TaskType;
import java.util.Map;
import java.util.Set;

/**
 * What every Tribuo family shares: a fixed name, every task supported, whether inputs need scaling,
 * and the parameters checked against the family's own names ({@link FitParameters#of}) before
 * {@link #fit(TrainingSet, FitParameters, long)} reads them.
 */
abstract class TribuoFamily implements ModelFamily {
    private final String name;
    private final boolean needsScaling;
    private final Set<String> parameters;

    TribuoFamily(String name, boolean needsScaling, Set<String> parameters) {
        this.name = name;
        this.needsScaling = needsScaling;
        this.parameters = Set.copyOf(parameters);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final boolean supports(TaskType task) {
        return true;
    }

    @Override
    public final boolean needsScaling() {
        return needsScaling;
    }

    @Override
    public final NumericModel fit(TrainingSet data, Map<String, Object> params, long seed) {
        return fit(data, FitParameters.of(name, params, parameters), seed);
    }

    /** Fits a model from parameters whose names are known to the family; every random choice derives from {@code seed}. */
    abstract NumericModel fit(TrainingSet data, FitParameters p, long seed);
}
