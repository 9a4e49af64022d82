package io.autogate.engine.family.tribuo;

import io.autogate.engine.family.FitParameters;
import io.autogate.engine.family.TrainingSet;
import io.autogate.runtime.model.NumericModel;
import io.autogate.runtime.model.tribuo.TargetScaling;
import java.util.Set;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.regression.liblinear.LibLinearRegressionTrainer;
import org.tribuo.regression.liblinear.LinearRegressionType;

/**
 * Linear models with LibLinear through Tribuo. Classification is logistic regression with an L2
 * ({@code L2R_LR}) or L1 ({@code L1R_LR}) penalty: the LibLinear solvers that produce
 * probabilities (the SVM solvers do not). Regression is ridge regression: the L2-loss SVR solver
 * ({@code L2R_L2LOSS_SVR}, or its dual when features outnumber rows) with epsilon 0, trained on
 * the standardised target so that the penalty on LibLinear's bias term does not pull predictions
 * towards zero. {@code C} is the inverse regularisation strength. Inputs should be standardised.
 */
public final class LinearFamily extends TribuoFamily {
    private static final Set<String> PARAMETERS = Set.of("C", "penalty", "max_iterations", "tolerance");
    private static final Set<String> PENALTIES = Set.of("l2", "l1");

    /** For {@link java.util.ServiceLoader}. */
    public LinearFamily() {
        super("linear", true, PARAMETERS);
    }

    @Override
    NumericModel fit(TrainingSet data, FitParameters p, long seed) {
        double cost = p.doubleValue("C", 1e-6, 1e9);
        int maxIterations = p.intValue("max_iterations", 1, 1_000_000, 1000);
        double tolerance = p.doubleValue("tolerance", 1e-9, 1.0, 0.01);
        long trainerSeed = TribuoTraining.derivedSeed(seed, 0);
        if (data.task().isClassification()) {
            LinearClassificationType.LinearType solver = p.choice("penalty", PENALTIES, "l2").equals("l1")
                    ? LinearClassificationType.LinearType.L1R_LR
                    : LinearClassificationType.LinearType.L2R_LR;
            return TribuoTraining.trainClassifier(new LibLinearClassificationTrainer(
                    new LinearClassificationType(solver), cost, maxIterations, tolerance, trainerSeed), data);
        }
        if (p.has("penalty")) {
            throw new IllegalArgumentException(name() + ": parameter 'penalty' applies to classification only");
        }
        LinearRegressionType.LinearType solver = data.featureNames().size() > data.size()
                ? LinearRegressionType.LinearType.L2R_L2LOSS_SVR_DUAL
                : LinearRegressionType.LinearType.L2R_L2LOSS_SVR;
        return TribuoTraining.trainRegressor(new LibLinearRegressionTrainer(new LinearRegressionType(solver), cost,
                maxIterations, tolerance, 0.0, trainerSeed), data, TargetScaling.standardising(data.y()));
    }
}
