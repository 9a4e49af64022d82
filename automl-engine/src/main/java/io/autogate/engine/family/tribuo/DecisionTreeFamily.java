package io.autogate.engine.family.tribuo;

import io.autogate.engine.family.FitParameters;
import io.autogate.engine.family.TrainingSet;
import io.autogate.runtime.model.NumericModel;
import io.autogate.runtime.model.tribuo.TargetScaling;
import java.util.Set;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;

/**
 * A single CART tree (Tribuo): Gini or entropy impurity for classification, squared error for
 * regression; leaves hold class proportions, so probabilities are leaf frequencies.
 */
public final class DecisionTreeFamily extends TribuoFamily {
    private static final Set<String> PARAMETERS = Set.of("max_depth", "min_child_weight", "feature_fraction", "criterion");

    /** For {@link java.util.ServiceLoader}. */
    public DecisionTreeFamily() {
        super("decision_tree", false, PARAMETERS);
    }

    @Override
    NumericModel fit(TrainingSet data, FitParameters p, long seed) {
        TreeSettings tree = TreeSettings.read(name(), p, data.task());
        long trainerSeed = TribuoTraining.derivedSeed(seed, 0);
        if (data.task().isClassification()) {
            return TribuoTraining.trainClassifier(new CARTClassificationTrainer(tree.maxDepth(), tree.minChildWeight(),
                    0.0f, tree.featureFraction(), false, tree.impurity(), trainerSeed), data);
        }
        return TribuoTraining.trainRegressor(new CARTRegressionTrainer(tree.maxDepth(), tree.minChildWeight(), 0.0f,
                tree.featureFraction(), false, new MeanSquaredError(), trainerSeed), data, TargetScaling.IDENTITY);
    }
}
