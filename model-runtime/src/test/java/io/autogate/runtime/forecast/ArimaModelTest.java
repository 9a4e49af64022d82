package io.autogate.runtime.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Known answers of the expanded ARIMA recursion. */
class ArimaModelTest {
    private static ArimaModel ar1(double phi, double mean) {
        return new ArimaModel(1, 0, 0, 0, 0, 0, 1, new double[] {phi}, new double[0], new double[0], new double[0], mean);
    }

    @Test
    void ar1DecaysTowardsItsMeanWithPsiWeightSpread() {
        double[] y = {10, 12, 11, 13, 12, 14};
        PointForecast f = ar1(0.5, 10).forecast(y, 3);
        assertArrayEquals(new double[] {12, 11, 10.5}, f.mean(), 1e-12);
        double s = f.sigma()[0];
        assertEquals(s * Math.sqrt(1 + 0.25), f.sigma()[1], 1e-12);
        assertEquals(s * Math.sqrt(1 + 0.25 + 0.0625), f.sigma()[2], 1e-12);
    }

    @Test
    void randomWalkWithDriftIsArima010WithConstant() {
        double[] y = {1, 2, 3, 4};
        ArimaModel rw = new ArimaModel(0, 1, 0, 0, 0, 0, 1, new double[0], new double[0], new double[0], new double[0], 0.5);
        assertArrayEquals(new double[] {4.5, 5, 5.5}, rw.forecast(y, 3).mean(), 1e-12);
    }

    @Test
    void seasonalDifferenceRepeatsTheLastSeason() {
        double[] y = {1, 5, 2, 6, 3, 7};
        ArimaModel sd = new ArimaModel(0, 0, 0, 0, 1, 0, 2, new double[0], new double[0], new double[0], new double[0], 0);
        assertArrayEquals(new double[] {3, 7, 3}, sd.forecast(y, 3).mean(), 1e-12);
    }

    @Test
    void maTermUsesTheLastResidual() {
        double[] y = {0, 1, 0, 2};
        ArimaModel ma1 = new ArimaModel(0, 0, 1, 0, 0, 0, 1, new double[0], new double[] {0.5}, new double[0], new double[0], 0);
        // residuals: e0 = 0, e1 = 1, e2 = -0.5, e3 = 2.25; forecast = 0.5 * 2.25, then 0
        assertArrayEquals(new double[] {1.125, 0}, ma1.forecast(y, 2).mean(), 1e-12);
    }
}
