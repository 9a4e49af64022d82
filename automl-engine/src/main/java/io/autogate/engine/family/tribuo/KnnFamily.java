package io.autogate.engine.family.tribuo;

import io.autogate.engine.family.FitParameters;
import io.autogate.engine.family.TrainingSet;
import io.autogate.runtime.model.NumericModel;
import io.autogate.runtime.model.tribuo.MeanRegressorCombiner;
import io.autogate.runtime.model.tribuo.TargetScaling;
import java.util.Arrays;
import java.util.Set;
import java.util.SplittableRandom;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.common.nearest.KNNModel;
import org.tribuo.common.nearest.KNNTrainer;
import org.tribuo.math.distance.CosineDistance;
import org.tribuo.math.distance.Distance;
import org.tribuo.math.distance.L1Distance;
import org.tribuo.math.distance.L2Distance;
import org.tribuo.math.neighbour.NeighboursQueryFactoryType;

/**
 * k-nearest neighbours with Tribuo's {@link KNNTrainer}, single-threaded: classification by
 * majority vote (probabilities are vote shares), regression by the neighbours' mean. Scoring cost
 * grows with the number of stored rows, so at most {@code max_reference_rows} training rows are
 * kept, chosen at random from the seed. Inputs should be standardised.
 */
public final class KnnFamily extends TribuoFamily {
    private static final Set<String> PARAMETERS = Set.of("k", "distance", "max_reference_rows", "neighbour_search");
    private static final Set<String> DISTANCES = Set.of("l2", "l1", "cosine");
    private static final Set<String> SEARCHES = Set.of("brute_force", "kd_tree");
    private static final int DEFAULT_MAX_REFERENCE_ROWS = 20_000;

    /** For {@link java.util.ServiceLoader}. */
    public KnnFamily() {
        super("knn", true, PARAMETERS);
    }

    @Override
    NumericModel fit(TrainingSet data, FitParameters p, long seed) {
        int k = p.intValue("k", 1, 100_000);
        Distance distance = switch (p.choice("distance", DISTANCES, "l2")) {
            case "l1" -> new L1Distance();
            case "cosine" -> new CosineDistance();
            default -> new L2Distance();
        };
        NeighboursQueryFactoryType search = p.choice("neighbour_search", SEARCHES, "brute_force").equals("kd_tree")
                ? NeighboursQueryFactoryType.KD_TREE
                : NeighboursQueryFactoryType.BRUTE_FORCE;
        int maxRows = p.intValue("max_reference_rows", 1, Integer.MAX_VALUE, DEFAULT_MAX_REFERENCE_ROWS);
        TrainingSet reference = subsample(data, maxRows, TribuoTraining.derivedSeed(seed, 0));
        k = Math.min(k, reference.size());
        if (data.task().isClassification()) {
            return TribuoTraining.trainClassifier(
                    new KNNTrainer<>(k, distance, 1, new VotingCombiner(), KNNModel.Backend.STREAMS, search), reference);
        }
        return TribuoTraining.trainRegressor(
                new KNNTrainer<>(k, distance, 1, new MeanRegressorCombiner(), KNNModel.Backend.STREAMS, search),
                reference, TargetScaling.IDENTITY);
    }

    /** At most {@code maxRows} rows drawn without replacement, kept in their original order. */
    static TrainingSet subsample(TrainingSet data, int maxRows, long seed) {
        int n = data.size();
        if (n <= maxRows) {
            return data;
        }
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < maxRows; i++) {
            int j = i + random.nextInt(n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] chosen = Arrays.copyOf(order, maxRows);
        Arrays.sort(chosen);
        double[][] x = new double[maxRows][];
        double[] y = new double[maxRows];
        for (int i = 0; i < maxRows; i++) {
            x[i] = data.x()[chosen[i]];
            y[i] = data.y()[chosen[i]];
        }
        return new TrainingSet(x, y, data.featureNames(), data.task(), data.numClasses());
    }
}
