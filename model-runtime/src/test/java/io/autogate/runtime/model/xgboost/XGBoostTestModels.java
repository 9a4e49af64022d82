package io.autogate.runtime.model.xgboost;

import io.autogate.runtime.model.tribuo.TargetScaling;
import io.autogate.runtime.model.tribuo.TribuoExamples;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer;

/**
 * Synthetic data and real Tribuo XGBoost models trained on it with the engine's settings
 * ({@code hist}, one thread, {@code base_score} at the target mean for regression) and Tribuo's
 * own trainers, so classifiers are {@code multi:softprob}, as the engine's multiclass models and
 * its two-class models before {@code binary:logistic} are (the engine's {@code binary:logistic}
 * models are tested in automl-engine, whose trainer makes them). Feature names are not in alphabetical order, so Tribuo's feature
 * ids differ from vector positions, and about a fifth of the values are exact zeros.
 */
final class XGBoostTestModels {
    static final List<String> NAMES = List.of("z", "b", "q", "a", "m", "k");

    private XGBoostTestModels() {
    }

    /** Rows drawn like the training data. */
    static double[][] rows(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[count][NAMES.size()];
        for (double[] row : x) {
            for (int j = 0; j < row.length; j++) {
                row[j] = random.nextInt(5) == 0 ? 0.0 : random.nextGaussian() * (j + 1);
            }
        }
        return x;
    }

    /** A score that all targets derive from. */
    static double signal(double[] r) {
        return Math.sin(r[0]) + 0.5 * r[1] - 0.3 * r[2] * (r[3] > 0 ? 1 : -1) + (r[4] == 0.0 ? 1.5 : 0.0)
                + 0.1 * r[5];
    }

    /** A classifier over labels "0".."numClasses-1", trained on 800 rows. */
    static XGBoostModel<Label> classifier(int numClasses, int rounds, int depth, long seed) {
        double[][] x = rows(800, seed);
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(
                new TribuoExamples(NAMES).of(x, i -> new Label(Integer.toString(classOf(x[i], numClasses, seed)))),
                new SimpleDataSourceProvenance("test", factory), factory);
        Map<String, Object> params = engineParameters(depth, seed);
        params.put("objective", "multi:softprob");
        return new XGBoostClassificationTrainer(rounds, params).train(data);
    }

    private static int classOf(double[] row, int numClasses, long seed) {
        double s = signal(row) + new SplittableRandom(seed ^ Double.doubleToLongBits(row[0])).nextGaussian() * 0.3;
        int c = (int) Math.floor((s + 1.5) * numClasses / 3.0);
        return Math.max(0, Math.min(numClasses - 1, c));
    }

    /**
     * A regressor trained on 800 rows of {@code level + spread * signal}, with the target mapped
     * through {@code scaling} (recorded in the model), with the objective of {@code type}.
     */
    static Model<Regressor> regressor(int rounds, int depth, double level, double spread, TargetScaling scaling,
            XGBoostRegressionTrainer.RegressionType type, long seed) {
        double[][] x = rows(800, seed);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = level + spread * signal(x[i]);
        }
        RegressionFactory factory = new RegressionFactory();
        MutableDataset<Regressor> data = new MutableDataset<>(
                new TribuoExamples(NAMES).of(x, i -> new Regressor("y", scaling.toModel(y[i]))),
                new SimpleDataSourceProvenance("test", factory), factory);
        Map<String, Object> params = engineParameters(depth, seed);
        params.put("objective", type.paramName);
        double mean = 0;
        for (double v : y) {
            mean += scaling.toModel(v) / y.length;
        }
        params.put("base_score", mean);
        return new XGBoostRegressionTrainer(type, rounds, params)
                .train(data, scaling.toProvenance());
    }

    private static Map<String, Object> engineParameters(int depth, long seed) {
        Map<String, Object> params = new HashMap<>();
        params.put("eta", 0.2);
        params.put("max_depth", depth);
        params.put("subsample", 0.9);
        params.put("colsample_bytree", 0.9);
        params.put("tree_method", "hist");
        params.put("nthread", 1);
        params.put("verbosity", 0);
        params.put("seed", (int) (seed & 0xFFFF));
        return params;
    }
}
