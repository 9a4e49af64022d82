package io.autogate.runtime.model.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.common.nearest.KNNModel;
import org.tribuo.common.nearest.KNNTrainer;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.liblinear.LibLinearRegressionTrainer;
import org.tribuo.regression.liblinear.LinearRegressionType;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer;

/** Scoring behaviour of {@link TribuoClassifier} and {@link TribuoRegressor}. */
class TribuoModelsTest {
    private final SmallData data = new SmallData(300, 1L);

    @Test
    void classProbabilitiesFollowClassIndicesAndUnseenClassesGetZero() {
        Model<Label> tree = new CARTClassificationTrainer(10).train(data.labels(true));
        TribuoClassifier model = new TribuoClassifier(tree, 4, SmallData.NAMES);
        double[][] p = model.score(new double[][] {{0, 1, 0}, {-1.5, 0, 0}, {1.5, 0, 0}});
        for (double[] row : p) {
            assertEquals(4, row.length);
            assertEquals(1.0, Arrays.stream(row).sum(), 1e-12);
            assertEquals(0.0, row[1]);
            assertEquals(0.0, row[3]);
        }
        assertTrue(p[0][0] > 0.9, Arrays.toString(p[0]));
        assertTrue(p[1][2] > 0.9, Arrays.toString(p[1]));
    }

    @Test
    void votesBecomeProportions() {
        Model<Label> knn = new KNNTrainer<>(5, new org.tribuo.math.distance.L2Distance(), 1, new VotingCombiner(), KNNModel.Backend.STREAMS,
                org.tribuo.math.neighbour.NeighboursQueryFactoryType.BRUTE_FORCE)
                .train(data.labels(false));
        double[][] p = new TribuoClassifier(knn, 3, SmallData.NAMES).score(data.x);
        for (double[] row : p) {
            assertEquals(1.0, Arrays.stream(row).sum(), 1e-12);
            for (double v : row) {
                assertEquals(0.0, Math.abs(v * 5 - Math.rint(v * 5)), 1e-9, Arrays.toString(row));
            }
        }
    }

    @Test
    void featuresAreMatchedByNameNotAlphabeticalPosition() {
        Model<Regressor> tree = new CARTRegressionTrainer(12).train(data.targets(TargetScaling.IDENTITY));
        TribuoRegressor model = new TribuoRegressor(tree, SmallData.NAMES);
        double[][] out = model.score(new double[][] {{1.5, 0.0, 0.0}, {0.0, 1.5, 0.0}});
        assertEquals(4.5, out[0][0], 0.8);
        assertEquals(10.0, out[1][0], 1e-9);
    }

    @Test
    void zerosReachXGBoostAsValuesNotAsMissing() throws Exception {
        Map<String, Object> params = new HashMap<>(Map.of("objective", "reg:squarederror", "nthread", 1, "max_depth", 3,
                "eta", 0.3, "tree_method", "hist", "seed", 3, "verbosity", 0));
        Model<Regressor> xgb = new XGBoostRegressionTrainer(XGBoostRegressionTrainer.RegressionType.LINEAR, 30, params)
                .train(data.targets(TargetScaling.IDENTITY));
        TribuoRegressor model = new TribuoRegressor(xgb, SmallData.NAMES);
        double[][] rows = {{0, 0.5, 0}, {0, -1, 0}, {1, 0, 0}, {-0.5, 0, 0}};
        double[][] ours = model.score(rows);

        // The booster on a dense matrix (columns in Tribuo's id order a, m, z), where 0 is a value.
        Booster booster = ((XGBoostModel<Regressor>) xgb).getInnerModels().get(0);
        List<String> idOrder = List.of("a", "m", "z");
        float[] flat = new float[rows.length * 3];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < 3; j++) {
                int id = xgb.getFeatureIDMap().getID(idOrder.get(j));
                flat[i * 3 + id] = (float) rows[i][SmallData.NAMES.indexOf(idOrder.get(j))];
            }
        }
        float[][] dense = booster.predict(new DMatrix(flat, rows.length, 3, Float.NaN));
        for (int i = 0; i < rows.length; i++) {
            assertEquals(dense[i][0], ours[i][0], 1e-4, "row " + i);
        }
        assertEquals(10.0, ours[0][0], 1.0);
        assertEquals(10.0, ours[1][0], 1.0);
    }

    @Test
    void targetScalingRecordedInProvenanceIsUndone() {
        TargetScaling scaling = TargetScaling.standardising(data.y);
        Model<Regressor> linear = new LibLinearRegressionTrainer(
                new LinearRegressionType(LinearRegressionType.LinearType.L2R_L2LOSS_SVR), 1.0, 1000, 0.001, 0.0, 1L)
                .train(data.targets(scaling), scaling.toProvenance());
        TribuoRegressor model = new TribuoRegressor(linear, SmallData.NAMES);
        assertEquals(scaling, model.scaling());
        double raw = linear.predict(new TribuoExamples(SmallData.NAMES)
                .<Regressor>of(new double[][] {data.x[0]}, i -> org.tribuo.regression.RegressionFactory.UNKNOWN_REGRESSOR)
                .get(0)).getOutput().getValues()[0];
        assertEquals(scaling.fromModel(raw), model.score(new double[][] {data.x[0]})[0][0], 1e-12);
        double mean = Arrays.stream(data.y).average().orElseThrow();
        double meanPrediction = Arrays.stream(model.score(data.x)).mapToDouble(r -> r[0]).average().orElseThrow();
        assertEquals(mean, meanPrediction, 0.05 * Math.abs(mean));
    }

    @Test
    void knnRegressionAveragesTheNeighbours() {
        Model<Regressor> knn = new KNNTrainer<>(5, new org.tribuo.math.distance.L2Distance(), 1, new MeanRegressorCombiner(),
                KNNModel.Backend.STREAMS, org.tribuo.math.neighbour.NeighboursQueryFactoryType.BRUTE_FORCE).train(data.targets(TargetScaling.IDENTITY));
        TribuoRegressor model = new TribuoRegressor(knn, SmallData.NAMES);
        double[] query = {0.0, 0.0, 0.0};
        double expected = Arrays.stream(nearest(query, 5)).mapToDouble(i -> data.y[i]).average().orElseThrow();
        assertEquals(expected, model.score(new double[][] {query})[0][0], 1e-9);
    }

    @Test
    void ensembleRegressionAveragesItsTrees() {
        CARTRegressionTrainer randomTree = new CARTRegressionTrainer(6, 2f, 0f, 1f, true,
                new org.tribuo.regression.rtree.impurity.MeanSquaredError(), 4L);
        List<Model<Regressor>> trees = List.of(randomTree.train(data.targets(TargetScaling.IDENTITY)),
                randomTree.train(data.targets(TargetScaling.IDENTITY)), randomTree.train(data.targets(TargetScaling.IDENTITY)));
        TribuoRegressor forest = new TribuoRegressor(org.tribuo.ensemble.WeightedEnsembleModel
                .createEnsembleFromExistingModels("et", trees, new MeanRegressorCombiner()), SmallData.NAMES);
        double[][] rows = Arrays.copyOf(data.x, 20);
        double[][] ours = forest.score(rows);
        for (int i = 0; i < rows.length; i++) {
            double mean = 0;
            for (Model<Regressor> tree : trees) {
                mean += new TribuoRegressor(tree, SmallData.NAMES).score(new double[][] {rows[i]})[0][0] / trees.size();
            }
            assertEquals(mean, ours[i][0], 1e-9);
        }
    }

    private int[] nearest(double[] q, int k) {
        Integer[] order = new Integer[data.x.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (i, j) -> Double.compare(distance(data.x[i], q), distance(data.x[j], q)));
        return Arrays.stream(order).limit(k).mapToInt(Integer::intValue).toArray();
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return s;
    }

    @Test
    void badInputsAreRejectedWithTheirReason() {
        Model<Label> tree = new CARTClassificationTrainer(5).train(data.labels(false));
        assertThrows(IllegalArgumentException.class, () -> new TribuoClassifier(tree, 2, SmallData.NAMES),
                "label 2 outside a binary task");
        assertThrows(IllegalArgumentException.class, () -> new TribuoClassifier(tree, 3, List.of("z", "a")),
                "model feature m not covered");
        assertThrows(IllegalArgumentException.class, () -> new TribuoExamples(List.of("a", "a")));
        TribuoClassifier model = new TribuoClassifier(tree, 3, SmallData.NAMES);
        IllegalArgumentException width = assertThrows(IllegalArgumentException.class,
                () -> model.score(new double[][] {{1, 2}}));
        assertTrue(width.getMessage().contains("2 features"), width.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> model.score(new double[][] {{1, Double.NaN, 0}}));
        assertTrue(nan.getMessage().contains("'a'"), nan.getMessage());
        assertEquals(0, model.score(new double[0][]).length);
    }

    @Test
    void labelsMustBeClassIndices() {
        MutableDataset<Label> named = new MutableDataset<>(new org.tribuo.provenance.SimpleDataSourceProvenance("t",
                new org.tribuo.classification.LabelFactory()), new org.tribuo.classification.LabelFactory());
        new TribuoExamples(SmallData.NAMES).<Label>of(data.x, i -> new Label(i % 2 == 0 ? "cat" : "dog"))
                .forEach(named::add);
        Model<Label> tree = new CARTClassificationTrainer(3).train(named);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TribuoClassifier(tree, 2, SmallData.NAMES));
        assertTrue(e.getMessage().contains("not a class index"), e.getMessage());
    }
}
