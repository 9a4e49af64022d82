package io.autogate.engine.family.smile;

import io.autogate.engine.family.FitParameters;
import io.autogate.engine.family.TrainingSet;
import io.autogate.runtime.model.NumericModel;
import io.autogate.runtime.model.smile.SmileFeatureSchema;
import io.autogate.runtime.model.smile.SmileTupleClassifierModel;
import io.autogate.runtime.model.smile.SmileTupleRegressionModel;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import smile.base.cart.SplitRule;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.formula.Formula;

/**
 * Random forest ({@link smile.classification.RandomForest}, {@link smile.regression.RandomForest}).
 *
 * <p>Parameters ({@code search-spaces/random_forest.yaml}): {@code ntrees}; {@code max_features_rule}
 * {@code auto} (Smile's default: ⌊√p⌋ features per split for classification, p/3 for regression)
 * or {@code fraction}, in which case {@code max_features} gives the fraction of the p features tried
 * per split ({@code mtry = max(1, round(fraction * p))}); {@code max_depth}; {@code max_nodes}
 * (leaf cap); {@code node_size} (nodes smaller than this are not split); {@code subsample}
 * (1.0 = bootstrap with replacement, below 1 = sampling without replacement); and, for
 * classification, {@code split_rule} ({@code gini} or {@code entropy}).
 *
 * <p>Smile grows the trees in parallel on the common fork-join pool; each tree gets its own seed
 * drawn from the trial seed, so the forest does not depend on which thread grows which tree.
 * Stateless and thread-safe.
 */
public final class RandomForestFamily extends SmileFamily {
    private static final String NAME = "random_forest";
    private static final Set<String> PARAMETERS = Set.of("ntrees", "max_features_rule", "max_features", "max_depth",
            "max_nodes", "node_size", "subsample", "split_rule");

    /** For {@link java.util.ServiceLoader}. */
    public RandomForestFamily() {
        super(NAME, false, PARAMETERS);
    }

    @Override
    NumericModel fit(TrainingSet data, int p, FitParameters args, long seed) {
        boolean classification = data.task().isClassification();
        int ntrees = args.intValue("ntrees", 1, 10_000);
        String rule = args.choice("max_features_rule", Set.of("auto", "fraction"));
        int mtry = rule.equals("auto")
                ? (classification ? (int) Math.floor(Math.sqrt(p)) : Math.max(1, p / 3))
                : (int) Math.min(p, Math.max(1, Math.round(args.doubleAbove("max_features", 0, 1) * p)));
        int maxDepth = args.intValue("max_depth", 2, 1_000);
        int maxNodes = args.intValue("max_nodes", 2, Integer.MAX_VALUE);
        int nodeSize = args.intValue("node_size", 1, Integer.MAX_VALUE);
        double subsample = args.doubleAbove("subsample", 0, 1);

        SplittableRandom random = new SplittableRandom(seed);
        SmileTrainingData.seedSmile(random.nextLong());
        LongStream treeSeeds = LongStream.of(treeSeeds(random, ntrees));
        Formula formula = Formula.lhs(SmileFeatureSchema.TARGET);
        if (classification) {
            SplitRule splitRule = switch (args.choice("split_rule", Set.of("gini", "entropy"))) {
                case "entropy" -> SplitRule.ENTROPY;
                default -> SplitRule.GINI;
            };
            int[] labels = SmileTrainingData.labels(NAME, data);
            int[] present = SmileTrainingData.presentClasses(NAME, labels);
            DataFrame frame = SmileTrainingData.classificationFrame(data.x(), labels);
            RandomForest forest = RandomForest.fit(formula, frame, ntrees, mtry, splitRule, maxDepth, maxNodes,
                    nodeSize, subsample, null, treeSeeds);
            return new SmileTupleClassifierModel(forest, SmileFeatureSchema.features(p), present, data.numClasses());
        }
        DataFrame frame = SmileTrainingData.regressionFrame(data.x(), data.y());
        smile.regression.RandomForest forest = smile.regression.RandomForest.fit(formula, frame, ntrees, mtry,
                maxDepth, maxNodes, nodeSize, subsample, treeSeeds);
        return new SmileTupleRegressionModel(forest, SmileFeatureSchema.features(p));
    }

    /** {@code n} distinct seeds above 1 (Smile only reseeds a tree's thread for seeds > 1). */
    private static long[] treeSeeds(SplittableRandom random, int n) {
        Set<Long> seeds = new LinkedHashSet<>();
        while (seeds.size() < n) {
            seeds.add(random.nextLong(2, Long.MAX_VALUE));
        }
        return seeds.stream().mapToLong(Long::longValue).toArray();
    }
}
