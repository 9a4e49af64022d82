package io.autogate.engine.family.smile;

import io.autogate.engine.family.ParameterizedFamily;
import io.autogate.engine.family.FitParameters;
import io.autogate.engine.family.TrainingSet;
import io.autogate.runtime.model.NumericModel;
import io.autogate.runtime.schema.TaskType;
import java.util.Map;
import java.util.Set;

/**
 * What every Smile family shares: the feature matrix checked ({@link SmileTrainingData#checkFeatures})
 * and the parameters wrapped against the family's own names ({@link FitParameters}) before
 * {@link #fit(TrainingSet, int, FitParameters, long)} reads them. Every task is supported unless
 * a family says otherwise.
 */
abstract class SmileFamily extends ParameterizedFamily {
    SmileFamily(String name, boolean needsScaling, Set<String> parameters) {
        super(name, needsScaling, parameters);
    }

    @Override
    public boolean supports(TaskType task) {
        return task != null;
    }

    @Override
    public final NumericModel fit(TrainingSet data, Map<String, Object> params, long seed) {
        int features = SmileTrainingData.checkFeatures(name(), data);
        return fit(data, features, FitParameters.of(name(), params, parameters()), seed);
    }

    /**
     * Fits a model on {@code features} checked feature columns from parameters whose names are known
     * to the family; every random choice derives from {@code seed}.
     */
    abstract NumericModel fit(TrainingSet data, int features, FitParameters args, long seed);
}
