package io.autogate.engine.family.tribuo;

import io.autogate.engine.family.FitParameters;
import io.autogate.engine.family.TrainingSet;
import io.autogate.runtime.model.NumericModel;
import io.autogate.runtime.model.tribuo.MeanRegressorCombiner;
import io.autogate.runtime.model.tribuo.TargetScaling;
import io.autogate.runtime.model.tribuo.TribuoClassifier;
import io.autogate.runtime.model.tribuo.TribuoRegressor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.ensemble.EnsembleCombiner;
import org.tribuo.ensemble.WeightedEnsembleModel;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;

/**
 * Extremely randomised trees (Geurts, Ernst and Wehenkel 2006): Tribuo CART trees with random
 * split points and a random fraction of the features per split, each grown on the whole training
 * set, combined into a Tribuo {@link WeightedEnsembleModel} with equal weights. Classification
 * averages the trees' class distributions (soft voting); regression averages their predictions.
 *
 * <p>Tribuo's own {@code ExtraTreesTrainer} is not used: it grows each tree on a bootstrap sample,
 * and in Tribuo 4.3.2 a random-split regression tree on such a sample can fail with
 * "bound must be positive". Trees are grown one after another on the calling thread, all from one
 * seeded trainer, so the ensemble is reproducible from the seed.
 */
public final class ExtraTreesFamily extends TribuoFamily {
    private static final Set<String> PARAMETERS =
            Set.of("n_trees", "max_depth", "min_child_weight", "feature_fraction", "criterion");

    /** For {@link java.util.ServiceLoader}. */
    public ExtraTreesFamily() {
        super("extra_trees", false, PARAMETERS);
    }

    @Override
    NumericModel fit(TrainingSet data, FitParameters p, long seed) {
        int trees = p.intValue("n_trees", 1, 10_000);
        TreeSettings tree = TreeSettings.read(name(), p, data.task());
        long treeSeed = TribuoTraining.derivedSeed(seed, 0);
        if (data.task().isClassification()) {
            CARTClassificationTrainer cart = new CARTClassificationTrainer(tree.maxDepth(), tree.minChildWeight(), 0.0f,
                    tree.featureFraction(), true, tree.impurity(), treeSeed);
            Model<Label> forest = grow(cart, TribuoTraining.classificationData(data), trees,
                    new FullyWeightedVotingCombiner());
            return new TribuoClassifier(forest, data.numClasses(), data.featureNames());
        }
        CARTRegressionTrainer cart = new CARTRegressionTrainer(tree.maxDepth(), tree.minChildWeight(), 0.0f,
                tree.featureFraction(), true, new MeanSquaredError(), treeSeed);
        Model<Regressor> forest = grow(cart, TribuoTraining.regressionData(data, TargetScaling.IDENTITY), trees,
                new MeanRegressorCombiner());
        return new TribuoRegressor(forest, data.featureNames());
    }

    private static <T extends Output<T>> Model<T> grow(Trainer<T> cart, Dataset<T> data, int trees,
            EnsembleCombiner<T> combiner) {
        List<Model<T>> members = new ArrayList<>(trees);
        for (int i = 0; i < trees; i++) {
            // The trainer's random stream advances with every call, so each tree differs.
            members.add(cart.train(data));
        }
        return WeightedEnsembleModel.createEnsembleFromExistingModels("extra-trees", members, combiner);
    }
}
