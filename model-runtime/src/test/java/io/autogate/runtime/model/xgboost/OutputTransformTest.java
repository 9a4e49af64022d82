package io.autogate.runtime.model.xgboost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The objectives' output transforms and base-score offsets, binary:logistic in particular. */
class OutputTransformTest {

    @Test
    void logisticGivesBothClassesFromOneMargin() throws Exception {
        OutputTransform sigmoid = OutputTransform.of("binary:logistic");
        assertEquals(OutputTransform.SIGMOID, sigmoid);
        assertEquals(2, sigmoid.numOutputs(1));
        double[] out = new double[3];
        sigmoid.apply(new float[] {0.8f}, out, 1);
        float p = (float) (1 / (1 + Math.exp(-0.8f)));
        assertEquals(0.0, out[0]);
        assertEquals(p, out[2], 0.0);
        assertEquals(1.0 - p, out[1], 0.0);
        for (float margin : new float[] {-200f, -88.8f, 88.8f, 200f}) {
            sigmoid.apply(new float[] {margin}, out, 0);
            assertTrue(Double.isFinite(out[0]) && Double.isFinite(out[1]), margin + ": " + out[0] + ", " + out[1]);
            assertEquals(1.0, out[0] + out[1], 0.0);
            assertEquals(margin > 0 ? 1.0 : 0.0, out[1], 1e-30);
        }
    }

    @Test
    void logisticBaseScoreIsAProbabilityWhoseLogitIsTheOffset() {
        assertEquals(0.0f, OutputTransform.SIGMOID.marginOffset(0.5f), 0.0f);
        assertEquals((float) Math.log(0.25 / 0.75), OutputTransform.SIGMOID.marginOffset(0.25f), 1e-6f);
        assertTrue(Float.isNaN(OutputTransform.SIGMOID.marginOffset(Float.NaN)));
        assertEquals(0.25f, OutputTransform.IDENTITY.marginOffset(0.25f));
        assertEquals(0.5f, OutputTransform.SOFTMAX.marginOffset(0.5f));
    }

    @Test
    void softmaxAndIdentityKeepOneOutputPerGroup() throws Exception {
        assertEquals(3, OutputTransform.of("multi:softprob").numOutputs(3));
        assertEquals(1, OutputTransform.of("reg:squarederror").numOutputs(1));
        double[] out = new double[2];
        OutputTransform.SOFTMAX.apply(new float[] {1f, 1f}, out, 0);
        assertEquals(0.5, out[0], 0.0);
        assertEquals(0.5, out[1], 0.0);
        XGBoostCompilationException e = assertThrows(XGBoostCompilationException.class,
                () -> OutputTransform.of("binary:hinge"));
        assertTrue(e.getMessage().contains("binary:hinge"), e.getMessage());
    }
}
