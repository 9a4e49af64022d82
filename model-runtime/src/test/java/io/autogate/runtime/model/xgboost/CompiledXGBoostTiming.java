package io.autogate.runtime.model.xgboost;

import io.autogate.runtime.model.tribuo.TargetScaling;
import io.autogate.runtime.model.tribuo.TribuoClassifier;
import io.autogate.runtime.model.tribuo.TribuoExamples;
import io.autogate.runtime.model.tribuo.TribuoRegressor;
import io.autogate.runtime.model.NumericModel;
import java.util.function.Consumer;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer.RegressionType;

/**
 * A manual timing run, not a test: microseconds per single-row score of a 300-tree depth-6
 * regressor and a binary classifier of 300 trees (150 rounds, 2 classes), compiled vs Tribuo's
 * native path. Run with {@code java ... io.autogate.runtime.model.xgboost.CompiledXGBoostTiming}.
 */
public final class CompiledXGBoostTiming {
    private static final int ROWS = 2000;

    private CompiledXGBoostTiming() {
    }

    /**
     * Prints the timings.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        double[][] rows = XGBoostTestModels.rows(ROWS, 2024L);
        TribuoExamples examples = new TribuoExamples(XGBoostTestModels.NAMES);

        Model<Regressor> regression = XGBoostTestModels.regressor(300, 6, 50, 10, TargetScaling.IDENTITY,
                RegressionType.LINEAR, 1L);
        TribuoRegressor regressor = new TribuoRegressor(regression, XGBoostTestModels.NAMES);
        long start = System.nanoTime();
        regressor = new TribuoRegressor(regression, XGBoostTestModels.NAMES);
        System.out.printf("regressor 300 trees depth 6: compile+verify (2nd construction) %.1f ms, compiled=%s%n",
                (System.nanoTime() - start) / 1e6, regressor.usesCompiledTrees());
        report("regressor", regressor, rows, i -> regression.predict(
                examples.<Regressor>of(new double[][] {rows[i]}, j -> RegressionFactory.UNKNOWN_REGRESSOR).get(0)));

        Model<Label> classification = XGBoostTestModels.classifier(2, 150, 6, 1L);
        TribuoClassifier classifier = new TribuoClassifier(classification, 2, XGBoostTestModels.NAMES);
        start = System.nanoTime();
        classifier = new TribuoClassifier(classification, 2, XGBoostTestModels.NAMES);
        System.out.printf("classifier 2x150 trees depth 6: compile+verify (2nd construction) %.1f ms, compiled=%s%n",
                (System.nanoTime() - start) / 1e6, classifier.usesCompiledTrees());
        report("classifier", classifier, rows, i -> {
            Example<Label> e = examples.<Label>of(new double[][] {rows[i]}, j -> LabelFactory.UNKNOWN_LABEL).get(0);
            classification.predict(e);
        });
    }

    private static void report(String name, NumericModel compiled, double[][] rows, Consumer<Integer> tribuoRow) {
        for (int round = 0; round < 6; round++) {
            long t0 = System.nanoTime();
            double sink = 0;
            for (double[] row : rows) {
                sink += compiled.score(new double[][] {row})[0][0];
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < rows.length; i++) {
                tribuoRow.accept(i);
            }
            long t2 = System.nanoTime();
            System.out.printf("%s round %d: compiled %.2f us/row, Tribuo native %.2f us/row (checksum %.3f)%n", name,
                    round, (t1 - t0) / 1e3 / rows.length, (t2 - t1) / 1e3 / rows.length, sink);
        }
    }
}
