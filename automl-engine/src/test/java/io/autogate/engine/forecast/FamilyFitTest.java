package io.autogate.engine.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.runtime.forecast.ArimaModel;
import io.autogate.runtime.forecast.EtsModel;
import io.autogate.runtime.forecast.ForecastModel;
import io.autogate.runtime.forecast.Frequency;
import io.autogate.runtime.forecast.ThetaModel;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fitted families recover the parameters of series simulated from their own model. */
class FamilyFitTest {
    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    @Test
    void etsRecoversSimpleExponentialSmoothing() {
        SplittableRandom r = new SplittableRandom(7);
        double[] y = new double[600];
        double level = 50;
        for (int t = 0; t < y.length; t++) {
            double e = gaussian(r);
            y[t] = level + e;
            level += 0.3 * e;
        }
        EtsModel m = (EtsModel) new EtsFamily().fit(y, 1);
        assertEquals(EtsModel.Season.N, m.season());
        assertEquals(0.3, m.alpha(), 0.08, m.describe());
    }

    @Test
    void etsFindsAnAdditiveSeasonAndItsSmoothing() {
        SplittableRandom r = new SplittableRandom(11);
        int m = 4;
        double[] season = {5, -2, -6, 3};
        double[] y = new double[400];
        double level = 100;
        for (int t = 0; t < y.length; t++) {
            double e = gaussian(r);
            y[t] = level + season[t % m] + e;
            level += 0.2 * e;
            season[t % m] += 0.05 * e;
        }
        EtsModel fit = (EtsModel) new EtsFamily().fit(y, m);
        assertFalse(fit.season() == EtsModel.Season.N, fit.describe());
        assertEquals(0.2, fit.alpha(), 0.1, fit.describe());
    }

    @Test
    void arimaRecoversAnAr1() {
        double[] y = ar1(0.7, 3);
        ArimaModel m = (ArimaModel) new ArimaFamily().fit(y, 1);
        assertEquals(0, m.d(), m.describe());
        double expected = 20 + 0.7 * (y[y.length - 1] - 20);
        assertEquals(expected, m.forecast(y, 1).mean()[0], 0.25, m.describe());
    }

    /** 800 values of AR(1) with coefficient {@code phi} around 20. */
    private static double[] ar1(double phi, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] y = new double[800];
        double x = 0;
        for (int t = 0; t < y.length; t++) {
            x = phi * x + gaussian(r);
            y[t] = 20 + x;
        }
        return y;
    }

    @Test
    void arimaRefitKeepsTheOrderAndReestimatesTheCoefficients() {
        ArimaFamily family = new ArimaFamily();
        ArimaModel earlier = family.fit(ar1(0.7, 3), 1);
        double[] later = ar1(0.2, 9);
        ArimaModel refit = family.refit(earlier, later, 1);
        assertEquals(earlier.describe(), refit.describe(), "the same orders and constant");
        double expected = 20 + 0.2 * (later[later.length - 1] - 20);
        assertEquals(expected, refit.forecast(later, 1).mean()[0], 0.25, "the coefficients follow the new data: "
                + refit.describe());
        assertTrue(Math.abs(earlier.forecast(later, 1).mean()[0] - expected) > 0.25,
                "the earlier coefficients alone would not: " + earlier.describe());
    }

    @Test
    void arimaRefitSearchesAfreshWhenTheEarlierOrderCannotFitTheData() {
        double[] monthly = new double[120];
        SplittableRandom r = new SplittableRandom(4);
        for (int t = 0; t < monthly.length; t++) {
            monthly[t] = 100 + 0.5 * t + 15 * Math.sin(2 * Math.PI * t / 12) + gaussian(r);
        }
        ArimaFamily family = new ArimaFamily();
        ArimaModel seasonal = family.fit(monthly, 12);
        assertTrue(seasonal.seasonalD() + seasonal.seasonalP() + seasonal.seasonalQ() > 0, seasonal.describe());
        double[] short12 = java.util.Arrays.copyOf(monthly, 12);
        assertTrue(short12.length <= seasonal.minLength(), seasonal.describe());
        ArimaModel refit = family.refit(seasonal, short12, 12);
        assertEquals(1, refit.period(), "12 values are too few for the season; the fresh search drops it: "
                + refit.describe());
    }

    @Test
    void arimaDifferencesARandomWalk() {
        SplittableRandom r = new SplittableRandom(5);
        double[] y = new double[400];
        for (int t = 1; t < y.length; t++) {
            y[t] = y[t - 1] + gaussian(r);
        }
        ArimaModel m = (ArimaModel) new ArimaFamily().fit(y, 1);
        assertEquals(1, m.d(), m.describe());
    }

    @Test
    void stationarityTestAcceptsStationaryAndRejectsExplosiveAr() {
        assertTrue(ArimaFamily.stationary(new double[] {1.5, -0.7}));
        assertFalse(ArimaFamily.stationary(new double[] {1.2}));
        assertFalse(ArimaFamily.stationary(new double[] {0.5, 0.6}));
    }

    @Test
    void thetaIsSeasonalOnlyWhenTheSeasonIsSignificant() {
        double[] seasonal = new double[48];
        double[] flat = new double[48];
        SplittableRandom r = new SplittableRandom(1);
        for (int t = 0; t < 48; t++) {
            seasonal[t] = 100 + 30 * Math.sin(2 * Math.PI * t / 12) + gaussian(r);
            flat[t] = 100 + gaussian(r);
        }
        ForecastModel s = new ThetaFamily().fit(seasonal, 12);
        ForecastModel f = new ThetaFamily().fit(flat, 12);
        assertTrue(((ThetaModel) s).seasonal());
        assertFalse(((ThetaModel) f).seasonal());
    }

    @Test
    void mstlUsesTheDayAndTheWeekOfHourlyData() {
        SplittableRandom r = new SplittableRandom(9);
        int n = 24 * 7 * 6;
        double[] y = new double[n];
        double level = 50;
        for (int t = 0; t < n; t++) {
            level += 0.1 * gaussian(r);
            double day = 8 * Math.sin(2 * Math.PI * t / 24);
            double week = (t / 24) % 7 >= 5 ? -12 : 3;
            y[t] = level + day + week + gaussian(r);
        }
        int h = 48;
        double[] train = java.util.Arrays.copyOf(y, n - h);
        ForecastModel mstl = new MstlFamily().forFrequency(new Frequency(ChronoUnit.HOURS, 1)).fit(train, 24);
        assertTrue(mstl.describe().startsWith("MSTL m=[24, 168]"), mstl.describe());
        ForecastModel dailyOnly = new EtsFamily().fit(train, 24);
        double mstlError = 0;
        double dailyError = 0;
        double[] a = mstl.forecast(train, h).mean();
        double[] b = dailyOnly.forecast(train, h).mean();
        for (int i = 0; i < h; i++) {
            mstlError += Math.abs(y[n - h + i] - a[i]);
            dailyError += Math.abs(y[n - h + i] - b[i]);
        }
        assertTrue(mstlError < dailyError / 2, "mstl " + mstlError + " vs ets with the day only " + dailyError);
    }

    @Test
    void mstlWithoutAFrequencyUsesTheSeasonalPeriodAlone() {
        double[] y = new double[48];
        for (int t = 0; t < y.length; t++) {
            y[t] = 100 + t + 10 * Math.sin(2 * Math.PI * t / 12);
        }
        assertTrue(new MstlFamily().fit(y, 12).describe().startsWith("MSTL m=[12]"));
        assertTrue(new MstlFamily().fit(y, 1).describe().startsWith("MSTL m=[]"));
    }
}
