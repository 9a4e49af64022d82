package io.autogate.engine.family.tribuo;

import io.autogate.engine.family.ParameterizedFamily;
import io.autogate.engine.family.FitParameters;
import io.autogate.engine.family.TrainingSet;
import io.autogate.runtime.model.NumericModel;
import io.autogate.runtime.schema.TaskType;
import java.util.Map;
import java.util.Set;

/**
 * What every Tribuo family shares: every task supported, and the parameters checked against the
 * family's own names ({@link FitParameters#of}) before {@link #fit(TrainingSet, FitParameters, long)}
 * reads them.
 */
abstract class TribuoFamily extends ParameterizedFamily {
    TribuoFamily(String name, boolean needsScaling, Set<String> parameters) {
        super(name, needsScaling, parameters);
    }

    @Override
    public final boolean supports(TaskType task) {
        return true;
    }

    @Override
    public final NumericModel fit(TrainingSet data, Map<String, Object> params, long seed) {
        return fit(data, FitParameters.of(name(), params, parameters()), seed);
    }

    /** Fits a model from parameters whose names are known to the family; every random choice derives from {@code seed}. */
    abstract NumericModel fit(TrainingSet data, FitParameters p, long seed);
}
