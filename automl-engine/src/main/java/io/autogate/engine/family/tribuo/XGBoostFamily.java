package io.autogate.engine.family.tribuo;

import io.autogate.engine.family.FitParameters;
import io.autogate.engine.family.TrainingSet;
import io.autogate.runtime.model.NumericModel;
import io.autogate.runtime.model.tribuo.TargetScaling;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer;

/**
 * Gradient-boosted trees with XGBoost 1.6 through Tribuo, given a raw XGBoost parameter map.
 * Two-class tasks use {@code binary:logistic} by default: one tree per round, starting from the
 * class prior ({@link XGBoostBinaryTrainer}); parameter {@code objective} may pick {@code multi:softprob}
 * instead (two trees per round, Tribuo's own trainer), which is what multiclass tasks always use.
 * A two-class training set in which only one class occurs is fitted with {@code multi:softprob}
 * over that class (the prediction is that class either way). Regression uses
 * {@code reg:squarederror} (or pseudo-Huber) with {@code base_score} set to the target mean, so
 * a few rounds already start from the right level. Each fit runs on one native thread
 * ({@code nthread=1}) with {@code tree_method=hist}; no early stopping.
 */
public final class XGBoostFamily extends TribuoFamily {
    private static final Set<String> PARAMETERS = Set.of("n_estimators", "eta", "max_depth", "min_child_weight",
            "subsample", "colsample_bytree", "colsample_bylevel", "lambda", "alpha", "gamma", "grow_policy",
            "max_leaves", "max_bin", "tree_method", "objective");
    private static final Set<String> GROW_POLICIES = Set.of("depthwise", "lossguide");
    private static final Set<String> TREE_METHODS = Set.of("hist", "approx", "exact");
    private static final String SOFTPROB = "multi:softprob";
    private static final Set<String> CLASSIFICATION_OBJECTIVES = Set.of(XGBoostBinaryTrainer.OBJECTIVE, SOFTPROB);
    private static final Set<String> REGRESSION_OBJECTIVES = Set.of("reg:squarederror", "reg:pseudohubererror");

    /** For {@link java.util.ServiceLoader}. */
    public XGBoostFamily() {
        super("xgboost", false, PARAMETERS);
    }

    @Override
    NumericModel fit(TrainingSet data, FitParameters p, long seed) {
        int rounds = p.intValue("n_estimators", 1, 100_000);
        Map<String, Object> xgb = new HashMap<>();
        xgb.put("eta", p.doubleValue("eta", 1e-6, 1.0));
        xgb.put("max_depth", p.intValue("max_depth", 0, 64));
        xgb.put("min_child_weight", p.doubleValue("min_child_weight", 0.0, 1e6, 1.0));
        xgb.put("subsample", p.doubleValue("subsample", 0.01, 1.0, 1.0));
        xgb.put("colsample_bytree", p.doubleValue("colsample_bytree", 0.01, 1.0, 1.0));
        xgb.put("colsample_bylevel", p.doubleValue("colsample_bylevel", 0.01, 1.0, 1.0));
        xgb.put("lambda", p.doubleValue("lambda", 0.0, 1e6, 1.0));
        xgb.put("alpha", p.doubleValue("alpha", 0.0, 1e6, 0.0));
        xgb.put("gamma", p.doubleValue("gamma", 0.0, 1e6, 0.0));
        String growPolicy = p.choice("grow_policy", GROW_POLICIES, "depthwise");
        String treeMethod = p.choice("tree_method", TREE_METHODS, "hist");
        xgb.put("grow_policy", growPolicy);
        xgb.put("tree_method", treeMethod);
        if (growPolicy.equals("lossguide")) {
            if (treeMethod.equals("exact")) {
                throw new IllegalArgumentException(
                        name() + ": parameter 'grow_policy' lossguide needs tree_method hist or approx");
            }
            xgb.put("max_leaves", p.intValue("max_leaves", 2, 1 << 16, 31));
        } else if ((int) xgb.get("max_depth") == 0) {
            throw new IllegalArgumentException(
                    name() + ": parameter 'max_depth' may be 0 (unlimited) only with grow_policy lossguide");
        }
        xgb.put("max_bin", p.intValue("max_bin", 2, 4096, 256));
        xgb.put("nthread", 1);
        xgb.put("verbosity", 0);
        // XGBoost reads the seed as a non-negative integer.
        xgb.put("seed", (int) (TribuoTraining.derivedSeed(seed, 0) >>> 33));
        if (data.task().isClassification()) {
            return TribuoTraining.trainClassifier(classifierTrainer(data, p, rounds, xgb), data);
        }
        String objective = p.choice("objective", REGRESSION_OBJECTIVES, "reg:squarederror");
        xgb.put("objective", objective);
        xgb.put("base_score", mean(data.y()));
        // Tribuo checks that the objective matches its regression type
        XGBoostRegressionTrainer.RegressionType type = objective.equals("reg:pseudohubererror")
                ? XGBoostRegressionTrainer.RegressionType.PSEUDOHUBER : XGBoostRegressionTrainer.RegressionType.LINEAR;
        return TribuoTraining.trainRegressor(new XGBoostRegressionTrainer(type, rounds, xgb), data,
                TargetScaling.IDENTITY);
    }

    private Trainer<Label> classifierTrainer(TrainingSet data, FitParameters p, int rounds, Map<String, Object> xgb) {
        boolean twoClasses = data.numClasses() == 2;
        String objective = p.choice("objective", CLASSIFICATION_OBJECTIVES,
                twoClasses ? XGBoostBinaryTrainer.OBJECTIVE : SOFTPROB);
        if (objective.equals(XGBoostBinaryTrainer.OBJECTIVE)) {
            if (!twoClasses) {
                throw new IllegalArgumentException(name() + ": parameter 'objective' " + objective
                        + " is for two classes, the task has " + data.numClasses() + "; use " + SOFTPROB);
            }
            if (bothClassesOccur(data.y())) {
                xgb.put("objective", objective);
                return new XGBoostBinaryTrainer(rounds, xgb);
            }
        }
        xgb.put("objective", SOFTPROB);
        return new XGBoostClassificationTrainer(rounds, xgb);
    }

    private static boolean bothClassesOccur(double[] y) {
        for (double v : y) {
            if (v != y[0]) {
                return true;
            }
        }
        return false;
    }

    private static double mean(double[] y) {
        double sum = 0;
        for (double v : y) {
            sum += v;
        }
        return y.length == 0 ? 0 : sum / y.length;
    }
}
