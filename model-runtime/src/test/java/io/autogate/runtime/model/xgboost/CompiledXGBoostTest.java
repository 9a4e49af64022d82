package io.autogate.runtime.model.xgboost;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.runtime.model.tribuo.TargetScaling;
import io.autogate.runtime.model.tribuo.TribuoClassifier;
import io.autogate.runtime.model.tribuo.TribuoExamples;
import io.autogate.runtime.model.tribuo.TribuoRegressor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer.RegressionType;

/** The compiled XGBoost evaluator against Tribuo's native scoring, and its verification. */
class CompiledXGBoostTest {
    private static final double TOLERANCE = 1e-6;

    /** 2,000 rows not used in training: 1,500 like the training data, 500 at and around the split thresholds. */
    private static double[][] freshRows(CompiledXGBoost compiled) {
        double[][] like = XGBoostTestModels.rows(1500, 987_654L);
        double[][] edges = compiled.probeRows(500, 4242L);
        double[][] all = Arrays.copyOf(like, 2000);
        System.arraycopy(edges, 0, all, 1500, 500);
        return all;
    }

    /** Tribuo's raw output scores, by output id. */
    private static double[][] tribuoScores(Model<Label> model, double[][] rows) {
        List<Prediction<Label>> predictions = model.predict(
                new TribuoExamples(XGBoostTestModels.NAMES).of(rows, i -> LabelFactory.UNKNOWN_LABEL));
        double[][] out = new double[rows.length][model.getOutputIDInfo().size()];
        for (int i = 0; i < rows.length; i++) {
            for (Map.Entry<String, Label> e : predictions.get(i).getOutputScores().entrySet()) {
                out[i][model.getOutputIDInfo().getID(new Label(e.getKey()))] = e.getValue().getScore();
            }
        }
        return out;
    }

    private static double[][] tribuoValues(Model<Regressor> model, double[][] rows) {
        List<Prediction<Regressor>> predictions = model.predict(
                new TribuoExamples(XGBoostTestModels.NAMES).of(rows, i -> RegressionFactory.UNKNOWN_REGRESSOR));
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = new double[] {predictions.get(i).getOutput().getValues()[0]};
        }
        return out;
    }

    private static double[][] compiledScores(CompiledXGBoost compiled, double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = compiled.predict(rows[i]);
        }
        return out;
    }

    @ParameterizedTest(name = "{0} classes, {1} rounds, depth {2}")
    @CsvSource({"2, 10, 2", "2, 80, 6", "3, 15, 3", "3, 60, 5", "3, 30, 8"})
    void classifierMatchesTribuoOnFreshRows(int numClasses, int rounds, int depth) throws Exception {
        XGBoostModel<Label> model = XGBoostTestModels.classifier(numClasses, rounds, depth, 11L * rounds + depth);
        CompiledXGBoost compiled = CompiledXGBoost.compile(model, XGBoostTestModels.NAMES);
        assertEquals(numClasses, compiled.numOutputs());
        double[][] rows = freshRows(compiled);
        double diff = CompiledVerification.maxAbsDifference(tribuoScores(model, rows), compiledScores(compiled, rows));
        assertTrue(diff <= TOLERANCE, "max difference " + diff);

        TribuoClassifier wrapper = new TribuoClassifier(model, numClasses, XGBoostTestModels.NAMES);
        assertTrue(wrapper.usesCompiledTrees());
        double[][] served = wrapper.score(rows);
        double[][] expected = tribuoScores(model, rows);
        for (int i = 0; i < rows.length; i++) {
            double sum = Arrays.stream(expected[i]).sum();
            for (int c = 0; c < numClasses; c++) {
                double tribuo = expected[i][model.getOutputIDInfo().getID(new Label(Integer.toString(c)))] / sum;
                assertEquals(tribuo, served[i][c], TOLERANCE, "row " + i + " class " + c);
            }
        }
    }

    @ParameterizedTest(name = "{0} rounds, depth {1}, target level {2}")
    @CsvSource({"10, 2, 0", "50, 4, 3", "120, 6, 1000", "40, 10, -250"})
    void regressorMatchesTribuoOnFreshRows(int rounds, int depth, double level) throws Exception {
        Model<Regressor> model = XGBoostTestModels.regressor(rounds, depth, level, 2.0, TargetScaling.IDENTITY,
                RegressionType.LINEAR, rounds + depth);
        CompiledXGBoost compiled = CompiledXGBoost.compile((XGBoostModel<?>) model, XGBoostTestModels.NAMES);
        double[][] rows = freshRows(compiled);
        double diff = CompiledVerification.maxAbsDifference(tribuoValues(model, rows), compiledScores(compiled, rows));
        assertTrue(diff <= TOLERANCE, "max difference " + diff);
        TribuoRegressor wrapper = new TribuoRegressor(model, XGBoostTestModels.NAMES);
        assertTrue(wrapper.usesCompiledTrees());
        assertTrue(CompiledVerification.maxAbsDifference(tribuoValues(model, rows), wrapper.score(rows)) <= TOLERANCE);
    }

    @Test
    void targetScalingAndPseudoHuberAreServedCompiled() {
        double[] y = Arrays.stream(XGBoostTestModels.rows(800, 5L)).mapToDouble(r -> 50 + 10 * XGBoostTestModels.signal(r))
                .toArray();
        TargetScaling scaling = TargetScaling.standardising(y);
        Model<Regressor> model = XGBoostTestModels.regressor(40, 4, 50, 10, scaling, RegressionType.PSEUDOHUBER, 5L);
        TribuoRegressor wrapper = new TribuoRegressor(model, XGBoostTestModels.NAMES);
        assertTrue(wrapper.usesCompiledTrees());
        double[][] rows = XGBoostTestModels.rows(500, 77L);
        double[][] raw = tribuoValues(model, rows);
        double[][] served = wrapper.score(rows);
        for (int i = 0; i < rows.length; i++) {
            assertEquals(scaling.fromModel(raw[i][0]), served[i][0], TOLERANCE, "row " + i);
        }
    }

    @Test
    void singleRowsGiveTheBatchResults() {
        TribuoClassifier classifier = new TribuoClassifier(XGBoostTestModels.classifier(3, 20, 4, 3L), 3,
                XGBoostTestModels.NAMES);
        TribuoRegressor regressor = new TribuoRegressor(XGBoostTestModels.regressor(20, 4, 0, 1,
                TargetScaling.IDENTITY, RegressionType.LINEAR, 3L), XGBoostTestModels.NAMES);
        assertTrue(classifier.usesCompiledTrees() && regressor.usesCompiledTrees());
        double[][] rows = XGBoostTestModels.rows(100, 8L);
        double[][] classBatch = classifier.score(rows);
        double[][] valueBatch = regressor.score(rows);
        for (int i = 0; i < rows.length; i++) {
            assertArrayEquals(classBatch[i], classifier.score(new double[][] {rows[i]})[0]);
            assertArrayEquals(valueBatch[i], regressor.score(new double[][] {rows[i]})[0]);
        }
    }

    @Test
    void concurrentScoringGivesTheSequentialResults() throws Exception {
        TribuoClassifier classifier = new TribuoClassifier(XGBoostTestModels.classifier(3, 20, 4, 13L), 3,
                XGBoostTestModels.NAMES);
        assertTrue(classifier.usesCompiledTrees());
        double[][] rows = XGBoostTestModels.rows(400, 14L);
        double[][] expected = classifier.score(rows);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                int offset = thread;
                results.add(pool.submit(() -> {
                    for (int i = offset; i < rows.length; i += 4) {
                        if (!Arrays.equals(expected[i], classifier.score(new double[][] {rows[i]})[0])) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aWrongOffsetIsRejectedByVerification() throws Exception {
        // A regressor: shifting every class margin alike would cancel in a softmax.
        Model<Regressor> model = XGBoostTestModels.regressor(20, 4, 5, 1, TargetScaling.IDENTITY,
                RegressionType.LINEAR, 21L);
        CompiledXGBoost good = CompiledXGBoost.compile((XGBoostModel<?>) model, XGBoostTestModels.NAMES);
        assertTrue(CompiledVerification.maxDifference(good, rows -> tribuoValues(model, rows),
                rows -> compiledScores(good, rows)) <= CompiledVerification.TOLERANCE);
        CompiledXGBoost shifted = good.withBaseMarginShift(1e-3f);
        double diff = CompiledVerification.maxDifference(shifted, rows -> tribuoValues(model, rows),
                rows -> compiledScores(shifted, rows));
        assertTrue(diff > CompiledVerification.TOLERANCE, "difference " + diff);
        assertTrue(CompiledVerification.compileVerified(model, XGBoostTestModels.NAMES, 1,
                rows -> tribuoValues(model, rows),
                compiled -> rows -> compiledScores(compiled.withBaseMarginShift(1e-3f), rows)).isEmpty());
    }

    @Test
    void treesOfAnotherModelAreRejectedByVerification() throws Exception {
        XGBoostModel<Label> model = XGBoostTestModels.classifier(3, 20, 4, 31L);
        CompiledXGBoost other = CompiledXGBoost.compile(XGBoostTestModels.classifier(3, 20, 4, 32L),
                XGBoostTestModels.NAMES);
        assertTrue(CompiledVerification.maxDifference(other, rows -> tribuoScores(model, rows),
                rows -> compiledScores(other, rows)) > CompiledVerification.TOLERANCE);
        assertTrue(CompiledVerification.compileVerified(model, XGBoostTestModels.NAMES, 3,
                rows -> tribuoScores(model, rows), compiled -> rows -> compiledScores(other, rows)).isEmpty());
        assertTrue(CompiledVerification.compileVerified(model, XGBoostTestModels.NAMES, 3,
                rows -> tribuoScores(model, rows), compiled -> rows -> compiledScores(compiled, rows)).isPresent());
    }

    @Test
    void verificationRejectsScoringThatThrowsOrHasTheWrongShape() throws Exception {
        XGBoostModel<Label> model = XGBoostTestModels.classifier(2, 5, 2, 41L);
        CompiledXGBoost compiled = CompiledXGBoost.compile(model, XGBoostTestModels.NAMES);
        assertEquals(Double.POSITIVE_INFINITY, CompiledVerification.maxDifference(compiled,
                rows -> tribuoScores(model, rows), rows -> {
                    throw new IllegalStateException("broken");
                }));
        assertEquals(Double.POSITIVE_INFINITY, CompiledVerification.maxDifference(compiled,
                rows -> tribuoScores(model, rows), rows -> Arrays.copyOf(tribuoScores(model, rows), rows.length - 1)));
        assertTrue(CompiledVerification.compileVerified(model, XGBoostTestModels.NAMES, 3,
                rows -> tribuoScores(model, rows), c -> rows -> compiledScores(c, rows)).isEmpty(),
                "3 outputs expected, the model has 2");
    }

    @Test
    void missingValuesTakeTheDefaultBranchLikeTheNativeBooster() throws Exception {
        XGBoostModel<Label> model = XGBoostTestModels.classifier(3, 30, 5, 51L);
        CompiledXGBoost compiled = CompiledXGBoost.compile(model, XGBoostTestModels.NAMES);
        double[][] rows = XGBoostTestModels.rows(200, 52L);
        for (int i = 0; i < rows.length; i++) {
            rows[i][i % rows[i].length] = Double.NaN;
            rows[i][(i / 7) % rows[i].length] = Double.NaN;
        }
        int cols = XGBoostTestModels.NAMES.size();
        float[] flat = new float[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            for (int p = 0; p < cols; p++) {
                flat[i * cols + model.getFeatureIDMap().getID(XGBoostTestModels.NAMES.get(p))] = (float) rows[i][p];
            }
        }
        Booster booster = model.getInnerModels().get(0);
        DMatrix matrix = new DMatrix(flat, rows.length, cols, Float.NaN);
        float[][] nativeScores = booster.predict(matrix);
        matrix.dispose();
        booster.dispose();
        for (int i = 0; i < rows.length; i++) {
            double[] ours = compiled.predict(rows[i]);
            for (int c = 0; c < 3; c++) {
                assertEquals(nativeScores[i][c], ours[c], TOLERANCE, "row " + i + " class " + c);
            }
        }
    }

    @Test
    void unsupportedObjectivesFallBackToTribuo() {
        Model<Regressor> gamma = XGBoostTestModels.regressor(10, 3, 10, 0.5, TargetScaling.IDENTITY,
                RegressionType.GAMMA, 61L);
        XGBoostCompilationException e = assertThrows(XGBoostCompilationException.class,
                () -> CompiledXGBoost.compile((XGBoostModel<?>) gamma, XGBoostTestModels.NAMES));
        assertTrue(e.getMessage().contains("reg:gamma"), e.getMessage());
        TribuoRegressor wrapper = new TribuoRegressor(gamma, XGBoostTestModels.NAMES);
        assertFalse(wrapper.usesCompiledTrees());
        double[][] rows = XGBoostTestModels.rows(20, 62L);
        assertTrue(CompiledVerification.maxAbsDifference(tribuoValues(gamma, rows), wrapper.score(rows)) == 0.0);
    }

    @Test
    void featuresOutsideTheNamesGivenAreRejected() {
        XGBoostModel<Label> model = XGBoostTestModels.classifier(2, 5, 2, 71L);
        List<String> fewer = new ArrayList<>(XGBoostTestModels.NAMES);
        fewer.remove("q");
        XGBoostCompilationException e = assertThrows(XGBoostCompilationException.class,
                () -> CompiledXGBoost.compile(model, fewer));
        assertTrue(e.getMessage().contains("'q'"), e.getMessage());
    }

    @Test
    void compiledScoringStillRejectsBadRows() throws Exception {
        XGBoostModel<Label> model = XGBoostTestModels.classifier(2, 5, 2, 81L);
        TribuoClassifier wrapper = new TribuoClassifier(model, 2, XGBoostTestModels.NAMES);
        assertTrue(wrapper.usesCompiledTrees());
        IllegalArgumentException width = assertThrows(IllegalArgumentException.class,
                () -> wrapper.score(new double[][] {{1, 2}}));
        assertTrue(width.getMessage().contains("2 features"), width.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> wrapper.score(new double[][] {{1, 2, 3, Double.POSITIVE_INFINITY, 5, 6}}));
        assertTrue(nan.getMessage().contains("'a'"), nan.getMessage());
        assertEquals(0, wrapper.score(new double[0][]).length);
        CompiledXGBoost compiled = CompiledXGBoost.compile(model, XGBoostTestModels.NAMES);
        assertThrows(IllegalArgumentException.class, () -> compiled.predict(new double[] {1, 2}));
    }

    @Test
    void probeRowsAreSeededAndFinite() throws Exception {
        CompiledXGBoost compiled = CompiledXGBoost.compile(XGBoostTestModels.classifier(2, 5, 3, 91L),
                XGBoostTestModels.NAMES);
        double[][] a = compiled.probeRows(50, 1L);
        assertArrayEquals(a, compiled.probeRows(50, 1L));
        assertFalse(Arrays.deepEquals(a, compiled.probeRows(50, 2L)));
        assertTrue(Arrays.stream(a).flatMapToDouble(Arrays::stream).allMatch(Double::isFinite));
        assertTrue(Arrays.stream(a).flatMapToDouble(Arrays::stream).anyMatch(v -> v == 0.0));
    }
}
