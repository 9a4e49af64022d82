package io.autogate.gateway.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import smile.stat.hypothesis.TTest;

class SignificanceTestTest {
    private static ArmQuality classified(long n, long correct) {
        return new ArmQuality("arm", n, correct, 0, 0, 0, 0);
    }

    private static ArmQuality regressed(double[] squaredErrors) {
        double sum = 0;
        double sumSq = 0;
        for (double e : squaredErrors) {
            sum += e;
            sumSq += e * e;
        }
        return new ArmQuality("arm", 0, 0, squaredErrors.length, sum, sumSq, 0);
    }

    private static double[] squaredErrors(Random random, int n, double sd) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double e = random.nextGaussian() * sd;
            out[i] = e * e;
        }
        return out;
    }

    @Test
    void clearlyDifferentAccuracyIsSignificant() {
        ArmComparison c = SignificanceTest.compare(classified(1000, 900), classified(1000, 700));
        assertEquals("accuracy", c.metric());
        assertEquals(-0.2, c.difference(), 1e-12);
        assertTrue(c.statistic() < -10, "z " + c.statistic());
        assertTrue(c.pValue() < 1e-6, "p " + c.pValue());
        assertTrue(c.significant());
    }

    @Test
    void equalAccuracyIsNotSignificant() {
        ArmComparison c = SignificanceTest.compare(classified(1000, 800), classified(500, 400));
        assertEquals(0, c.difference(), 1e-12);
        assertEquals(1.0, c.pValue(), 1e-12);
        assertFalse(c.significant());
        ArmComparison small = SignificanceTest.compare(classified(20, 15), classified(20, 12));
        assertFalse(small.significant(), "p " + small.pValue());
    }

    @Test
    void welchMatchesSmileOnRawErrors() {
        Random random = new Random(7);
        double[] a = squaredErrors(random, 200, 1.0);
        double[] b = squaredErrors(random, 150, 1.3);
        ArmComparison c = SignificanceTest.compare(regressed(a), regressed(b));
        TTest reference = TTest.test(a, b, false);
        assertEquals("mse", c.metric());
        assertEquals(Math.abs(reference.t), Math.abs(c.statistic()), 1e-9);
        assertEquals(reference.pvalue, c.pValue(), 1e-9);
    }

    @Test
    void clearlyDifferentErrorsAreSignificantAndEqualOnesAreNot() {
        Random random = new Random(11);
        ArmComparison worse = SignificanceTest.compare(regressed(squaredErrors(random, 500, 1.0)),
                regressed(squaredErrors(random, 500, 2.0)));
        assertTrue(worse.difference() > 2, "difference " + worse.difference());
        assertTrue(worse.significant(), "p " + worse.pValue());
        ArmComparison same = SignificanceTest.compare(regressed(squaredErrors(random, 500, 1.0)),
                regressed(squaredErrors(random, 500, 1.0)));
        assertFalse(same.significant(), "p " + same.pValue());
    }

    @Test
    void tooLittleDataIsNeverSignificant() {
        ArmComparison none = SignificanceTest.compare(classified(0, 0), classified(10, 5));
        assertTrue(Double.isNaN(none.pValue()));
        assertFalse(none.significant());
        ArmComparison one = SignificanceTest.compare(regressed(new double[] {1}), regressed(new double[] {1, 2, 3}));
        assertTrue(Double.isNaN(one.pValue()));
        assertFalse(one.significant());
        assertThrows(IllegalArgumentException.class,
                () -> SignificanceTest.compare(classified(1, 1), classified(1, 1), 1.5));
    }
}
