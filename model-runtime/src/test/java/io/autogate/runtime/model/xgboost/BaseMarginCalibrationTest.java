package io.autogate.runtime.model.xgboost;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.runtime.model.tribuo.TargetScaling;
import ml.dmlc.xgboost4j.java.Booster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer.RegressionType;

/** Calibration of the margin offset from (here: synthetic) native margins. */
class BaseMarginCalibrationTest {
    private static BoosterTrees trees;
    private static float[][] probes;

    @BeforeAll
    static void readTrees() throws Exception {
        XGBoostModel<?> model = (XGBoostModel<?>) XGBoostTestModels.regressor(30, 4, 3, 1, TargetScaling.IDENTITY,
                RegressionType.LINEAR, 101L);
        int[] positionOfFeature = new int[XGBoostTestModels.NAMES.size()];
        for (int p = 0; p < positionOfFeature.length; p++) {
            positionOfFeature[model.getFeatureIDMap().getID(XGBoostTestModels.NAMES.get(p))] = p;
        }
        Booster booster = model.getInnerModels().get(0);
        trees = TreeJsonReader.read(booster.toByteArray("json"), positionOfFeature, positionOfFeature.length);
        booster.dispose();
        double[][] rows = XGBoostTestModels.rows(32, 102L);
        probes = new float[rows.length][rows[0].length];
        for (int i = 0; i < rows.length; i++) {
            for (int p = 0; p < rows[i].length; p++) {
                probes[i][p] = (float) rows[i][p];
            }
        }
    }

    /** Margins as XGBoost computes them from {@code base}: float sums in tree order (identity objective). */
    private static float[][] marginsFrom(float base) {
        BoosterTrees shifted = trees.withBaseMargins(new float[] {base});
        float[][] margins = new float[probes.length][];
        for (int i = 0; i < probes.length; i++) {
            margins[i] = shifted.margins(probes[i]);
        }
        return margins;
    }

    @Test
    void theStoredBaseScoreIsTakenWhenTheMarginsConfirmIt() throws Exception {
        float stored = trees.storedBaseScore();
        assertTrue(Float.isFinite(stored));
        assertEquals(stored, BaseMarginCalibration.calibrate(trees, probes, marginsFrom(stored), 0)[0]);
    }

    @Test
    void anotherOffsetIsFoundAndReproducesEveryMarginExactly() throws Exception {
        for (float base : new float[] {0.123f, -731.25f, 1e-12f, 4096.5f}) {
            float[][] margins = marginsFrom(base);
            float found = BaseMarginCalibration.calibrate(trees, probes, margins, 0)[0];
            assertArrayEquals(margins, marginsFrom(found), "base " + base);
            assertEquals(base, found, Math.ulp(base) * 64 + 1e-6, "base " + base);
        }
    }

    @Test
    void offsetsThatDifferBetweenProbesAreRefused() {
        float[][] margins = marginsFrom(0.5f);
        for (int i = 0; i < margins.length; i++) {
            margins[i][0] += 1e-3f * i;
        }
        XGBoostCompilationException e = assertThrows(XGBoostCompilationException.class,
                () -> BaseMarginCalibration.calibrate(trees, probes, margins, 0));
        assertTrue(e.getMessage().contains("differ between probe rows"), e.getMessage());
    }

    @Test
    void marginsNoOffsetReproducesExactlyAreRefused() {
        float[][] margins = marginsFrom(0.5f);
        // Within the rounding allowance, but no single float offset gives these sums.
        margins[3][0] = Math.nextUp(Math.nextUp(margins[3][0]));
        margins[7][0] = Math.nextDown(Math.nextDown(margins[7][0]));
        XGBoostCompilationException e = assertThrows(XGBoostCompilationException.class,
                () -> BaseMarginCalibration.calibrate(trees, probes, margins, 0));
        assertTrue(e.getMessage().contains("reproduces"), e.getMessage());
    }

    @Test
    void marginsOfTheWrongShapeAreRefused() {
        float[][] margins = marginsFrom(0.5f);
        margins[0] = new float[2];
        assertThrows(XGBoostCompilationException.class, () -> BaseMarginCalibration.calibrate(trees, probes, margins, 0));
    }
}
