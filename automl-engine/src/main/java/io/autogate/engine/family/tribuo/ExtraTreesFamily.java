package io.autogate.engine.family.tribuo;

import io.autogate.engine.family.ModelFamily;
import io.autogate.engine.family.TrainingSet;
import io.autogate.runtime.model.NumericModel;
import io.autogate.runtime.model.tribuo.MeanRegressorCombiner;
import io.autogate.runtime.model.tribuo.TargetScaling;
import io.autogate.runtime.schema.TaskType;
import java.util.Map;
import java.util.Set;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.common.tree.ExtraTreesTrainer;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;

/**
 * Extremely randomised trees with Tribuo's {@link ExtraTreesTrainer}: CART trees with random split
 * points, each grown on a bootstrap sample (Tribuo's extra trees are bagged). Classification
 * averages the trees' class distributions (soft voting); regression averages their predictions.
 * Trees are grown one after another on the calling thread.
 */
public final class ExtraTreesFamily implements ModelFamily {
    private static final Set<String> PARAMETERS =
            Set.of("n_trees", "max_depth", "min_child_weight", "feature_fraction", "criterion");

    /** For {@link java.util.ServiceLoader}. */
    public ExtraTreesFamily() {
    }

    @Override
    public String name() {
        return "extra_trees";
    }

    @Override
    public boolean supports(TaskType task) {
        return true;
    }

    @Override
    public boolean needsScaling() {
        return false;
    }

    @Override
    public NumericModel fit(TrainingSet data, Map<String, Object> params, long seed) {
        FitParameters p = FitParameters.of(name(), params, PARAMETERS);
        int trees = p.intValue("n_trees", 1, 10_000);
        TreeSettings tree = TreeSettings.read(name(), p, data.task());
        long treeSeed = TribuoTraining.derivedSeed(seed, 0);
        long baggingSeed = TribuoTraining.derivedSeed(seed, 1);
        if (data.task().isClassification()) {
            CARTClassificationTrainer cart = new CARTClassificationTrainer(tree.maxDepth(), tree.minChildWeight(), 0.0f,
                    tree.featureFraction(), true, tree.impurity(), treeSeed);
            return TribuoTraining.trainClassifier(
                    new ExtraTreesTrainer<>(cart, new FullyWeightedVotingCombiner(), trees, baggingSeed), data);
        }
        CARTRegressionTrainer cart = new CARTRegressionTrainer(tree.maxDepth(), tree.minChildWeight(), 0.0f,
                tree.featureFraction(), true, new MeanSquaredError(), treeSeed);
        return TribuoTraining.trainRegressor(
                new ExtraTreesTrainer<>(cart, new MeanRegressorCombiner(), trees, baggingSeed), data, TargetScaling.IDENTITY);
    }
}
