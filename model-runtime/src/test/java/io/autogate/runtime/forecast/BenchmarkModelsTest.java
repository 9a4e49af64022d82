package io.autogate.runtime.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Known answers of the parameter-free families, worked out by hand. */
class BenchmarkModelsTest {
    private static final double[] Y = {1, 3, 2, 4, 3, 5, 4, 6};

    @Test
    void naiveRepeatsTheLastValueWithSqrtHSpread() {
        PointForecast f = new NaiveModel().forecast(Y, 3);
        assertArrayEquals(new double[] {6, 6, 6}, f.mean(), 1e-12);
        // differences 2,-1,2,-1,2,-1,2: RMS = sqrt((4*4+3*1)/7)
        double sigma = Math.sqrt(19.0 / 7);
        assertArrayEquals(new double[] {sigma, sigma * Math.sqrt(2), sigma * Math.sqrt(3)}, f.sigma(), 1e-12);
        assertEquals(6 - 1.959963984540054 * sigma, f.lower(0, 0.95), 1e-12);
    }

    @Test
    void seasonalNaiveRepeatsTheLastSeason() {
        PointForecast f = new SeasonalNaiveModel(2).forecast(Y, 5);
        assertArrayEquals(new double[] {4, 6, 4, 6, 4}, f.mean(), 1e-12);
        // lag-2 differences are all 1: sigma 1, seasons ahead 1,1,2,2,3
        assertArrayEquals(new double[] {1, 1, Math.sqrt(2), Math.sqrt(2), Math.sqrt(3)}, f.sigma(), 1e-12);
    }

    @Test
    void driftExtendsTheAverageStep() {
        PointForecast f = new DriftModel().forecast(Y, 2);
        double slope = 5.0 / 7;
        assertArrayEquals(new double[] {6 + slope, 6 + 2 * slope}, f.mean(), 1e-12);
    }

    @Test
    void meanForecastsTheMean() {
        PointForecast f = new MeanModel().forecast(Y, 2);
        assertArrayEquals(new double[] {3.5, 3.5}, f.mean(), 1e-12);
    }

    @Test
    void thetaOnALineFollowsItsSlopeAtHalfPlusSes() {
        double[] line = new double[30];
        for (int t = 0; t < line.length; t++) {
            line[t] = 10 + 2 * t;
        }
        PointForecast f = new ThetaModel(1, false, 0.99).forecast(line, 1);
        // SES with alpha 0.99 sits just below the last value; drift adds slope/2 * (1/alpha)
        assertEquals(68 - 2 * (0.01 / 0.99) + 1.0 * (1 - Math.pow(0.01, 30)) / 0.99, f.mean()[0], 0.05);
    }

    @Test
    void ensembleIsTheWeightedMeanOfMeansAndSpreads() {
        PointForecast a = new PointForecast(new double[] {1, 2}, new double[] {1, 1});
        PointForecast b = new PointForecast(new double[] {4, 8}, new double[] {3, 5});
        PointForecast c = EnsembleForecast.combine(java.util.List.of(a, b), java.util.List.of(2.0, 1.0));
        assertArrayEquals(new double[] {2, 4}, c.mean(), 1e-12);
        assertArrayEquals(new double[] {5.0 / 3, 7.0 / 3}, c.sigma(), 1e-12);
    }
}
