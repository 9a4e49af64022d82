package io.autogate.engine.family.smile;

import io.autogate.engine.family.FitParameters;
import io.autogate.engine.family.TrainingSet;
import io.autogate.runtime.model.NumericModel;
import io.autogate.runtime.model.smile.SmileFeatureSchema;
import io.autogate.runtime.model.smile.SmileTupleClassifierModel;
import io.autogate.runtime.model.smile.SmileTupleRegressionModel;
import java.util.Set;
import java.util.SplittableRandom;
import smile.base.cart.Loss;
import smile.classification.GradientTreeBoost;
import smile.data.DataFrame;
import smile.data.formula.Formula;

/**
 * Gradient tree boosting ({@link smile.classification.GradientTreeBoost},
 * {@link smile.regression.GradientTreeBoost}).
 *
 * <p>Parameters ({@code search-spaces/gbt.yaml}): {@code ntrees} (boosting rounds; a multiclass
 * model grows one tree per class per round), {@code max_depth}, {@code max_nodes} (leaf cap, the
 * main size control in Smile), {@code node_size}, {@code shrinkage} (learning rate),
 * {@code subsample} (rows sampled without replacement per round) and, for regression,
 * {@code loss}: {@code least_squares} (what the search space fixes, since Smile's own default is
 * least absolute deviation), {@code least_absolute_deviation} or {@code huber} (least squares when absent).
 *
 * <p>Boosting runs on the calling thread, whose Smile generator is seeded from the trial seed.
 * Stateless and thread-safe.
 */
public final class GradientBoostingFamily extends SmileFamily {
    private static final String NAME = "gbt";
    private static final Set<String> PARAMETERS = Set.of("ntrees", "max_depth", "max_nodes", "node_size",
            "shrinkage", "subsample", "loss");

    /** For {@link java.util.ServiceLoader}. */
    public GradientBoostingFamily() {
        super(NAME, false, PARAMETERS);
    }

    @Override
    NumericModel fit(TrainingSet data, int p, FitParameters args, long seed) {
        int ntrees = args.intValue("ntrees", 1, 100_000);
        int maxDepth = args.intValue("max_depth", 2, 1_000);
        int maxNodes = args.intValue("max_nodes", 2, Integer.MAX_VALUE);
        int nodeSize = args.intValue("node_size", 1, Integer.MAX_VALUE);
        double shrinkage = args.doubleAbove("shrinkage", 0, 1);
        double subsample = args.doubleAbove("subsample", 0, 1);

        SmileTrainingData.seedSmile(new SplittableRandom(seed).nextLong());
        Formula formula = Formula.lhs(SmileFeatureSchema.TARGET);
        if (data.task().isClassification()) {
            int[] labels = SmileTrainingData.labels(NAME, data);
            int[] present = SmileTrainingData.presentClasses(NAME, labels);
            DataFrame frame = SmileTrainingData.classificationFrame(data.x(), labels);
            GradientTreeBoost model = GradientTreeBoost.fit(formula, frame, ntrees, maxDepth, maxNodes, nodeSize,
                    shrinkage, subsample);
            return new SmileTupleClassifierModel(model, SmileFeatureSchema.features(p), present, data.numClasses());
        }
        String lossName = args.has("loss")
                ? args.choice("loss", Set.of("least_squares", "least_absolute_deviation", "huber"))
                : "least_squares";
        Loss loss = switch (lossName) {
            case "least_absolute_deviation" -> Loss.lad();
            case "huber" -> Loss.huber(0.9);
            default -> Loss.ls();
        };
        DataFrame frame = SmileTrainingData.regressionFrame(data.x(), data.y());
        smile.regression.GradientTreeBoost model = smile.regression.GradientTreeBoost.fit(formula, frame, loss,
                ntrees, maxDepth, maxNodes, nodeSize, shrinkage, subsample);
        return new SmileTupleRegressionModel(model, SmileFeatureSchema.features(p));
    }
}
