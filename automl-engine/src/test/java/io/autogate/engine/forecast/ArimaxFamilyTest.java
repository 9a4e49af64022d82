package io.autogate.engine.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.autogate.runtime.artifact.ManifestJson;
import io.autogate.runtime.forecast.ArimaxModel;
import io.autogate.runtime.forecast.Covariate;
import io.autogate.runtime.forecast.CovariateRole;
import io.autogate.runtime.forecast.ForecastModel;
import io.autogate.runtime.forecast.Frequency;
import io.autogate.runtime.forecast.PointForecast;
import io.autogate.runtime.forecast.RegularSeries;
import io.autogate.runtime.schema.ColumnType;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Regression with ARIMA errors: it recovers the effect of a promotion flag and of a categorical
 * day type, forecasts with their future values far better than ARIMA alone, survives JSON, and
 * refuses series without a varying known covariate.
 */
class ArimaxFamilyTest {
    private static final Frequency DAILY = new Frequency(ChronoUnit.DAYS, 1);
    private static final LocalDateTime START = LocalDateTime.of(2024, 1, 1, 0, 0);
    private static final Covariate PROMO = new Covariate("promo", CovariateRole.KNOWN, ColumnType.BOOLEAN, List.of());
    private static final Covariate DAY_TYPE = new Covariate("day_type", CovariateRole.KNOWN, ColumnType.CATEGORICAL,
            List.of("A", "U", "W"));
    private static final Covariate VISITS = new Covariate("visits", CovariateRole.PAST, ColumnType.NUMERIC, List.of());

    /** 200 days: level 50, +20 on promotion days (irregular, seeded), AR(1) noise. */
    private static RegularSeries promoSeries(int n, int future) {
        Random random = new Random(5);
        double[] y = new double[n];
        double[] promo = new double[n + future];
        double[] visits = new double[n];
        double noise = 0;
        for (int t = 0; t < n + future; t++) {
            promo[t] = random.nextInt(4) == 0 ? 1 : 0;
            if (t < n) {
                noise = 0.6 * noise + random.nextGaussian();
                y[t] = 50 + 20 * promo[t] + noise;
                visits[t] = random.nextDouble();
            }
        }
        return new RegularSeries("a", START, y, new double[][] {promo, visits});
    }

    @Test
    void recoversAPromotionEffectAndForecastsItWithTheFutureFlag() {
        int n = 200;
        int h = 14;
        RegularSeries all = promoSeries(n + h, 0);
        RegularSeries train = all.head(n, List.of(CovariateRole.KNOWN, CovariateRole.PAST));
        ForecastModel model = new ArimaxFamily().fit(train, 7, List.of(PROMO, VISITS));
        ArimaxModel arimax = (ArimaxModel) model;
        assertEquals(1, arimax.regression().beta().length, "only the known covariate is a regressor: " + model.describe());
        assertEquals(20, arimax.regression().beta()[0], 0.5, model.describe());
        assertTrue(model.describe().startsWith("ARIMAX("), model.describe());

        PointForecast withFlag = model.forecast(train, DAILY, h);
        PointForecast arimaOnly = new ArimaFamily().fit(train.values(), 7).forecast(train.values(), h);
        double[] actual = Arrays.copyOfRange(all.values(), n, n + h);
        double errorWith = mae(withFlag.mean(), actual);
        double errorWithout = mae(arimaOnly.mean(), actual);
        assertTrue(errorWith < 0.3 * errorWithout, "MAE with the flag " + errorWith + " vs ARIMA alone " + errorWithout);
        assertTrue(withFlag.sigma()[0] > 0 && withFlag.sigma()[h - 1] >= withFlag.sigma()[0]);
    }

    @Test
    void aCategoricalCovariateGetsOneIndicatorPerCategoryButTheFirst() {
        Random random = new Random(9);
        int n = 150;
        double[] type = new double[n + 7];
        double[] y = new double[n];
        for (int t = 0; t < n + 7; t++) {
            type[t] = random.nextInt(3);
            if (t < n) {
                y[t] = 100 + (type[t] == 1 ? 30 : type[t] == 2 ? -15 : 0) + random.nextGaussian();
            }
        }
        ArimaxModel model = (ArimaxModel) new ArimaxFamily().fit(new RegularSeries("a", START, y, new double[][] {type}),
                7, List.of(DAY_TYPE));
        assertEquals(2, model.regression().beta().length, model.describe());
        assertEquals(30, model.regression().beta()[0], 1.0, "U against A");
        assertEquals(-15, model.regression().beta()[1], 1.0, "W against A");
        PointForecast f = model.forecast(new RegularSeries("a", START, y, new double[][] {type}), DAILY, 7);
        for (int i = 0; i < 7; i++) {
            double expected = 100 + (type[n + i] == 1 ? 30 : type[n + i] == 2 ? -15 : 0);
            assertEquals(expected, f.mean()[i], 3.0, "step " + i);
        }
    }

    @Test
    void aCovariateFarFromZeroGetsItsCoefficientWithoutBias() {
        Random random = new Random(21);
        int n = 200;
        double[] kelvin = new double[n + 3];
        double[] y = new double[n];
        for (int t = 0; t < n + 3; t++) {
            kelvin[t] = 290 + 20 * random.nextDouble();
            if (t < n) {
                y[t] = -800 + 3 * kelvin[t] + random.nextGaussian();
            }
        }
        Covariate temperature = new Covariate("temperature", CovariateRole.KNOWN, ColumnType.NUMERIC, List.of());
        RegularSeries series = new RegularSeries("a", START, y, new double[][] {kelvin});
        ArimaxModel model = (ArimaxModel) new ArimaxFamily().fit(series, 7, List.of(temperature));
        assertEquals(3, model.regression().beta()[0], 0.05, model.describe());
        PointForecast f = model.forecast(series, DAILY, 3);
        for (int i = 0; i < 3; i++) {
            assertEquals(-800 + 3 * kelvin[n + i], f.mean()[i], 3.0, "step " + i);
        }
    }

    @Test
    void survivesJsonAndRefusesSeriesWithoutAVaryingKnownCovariate() throws Exception {
        RegularSeries train = promoSeries(120, 5);
        ForecastModel model = new ArimaxFamily().fit(train, 7, List.of(PROMO, VISITS));
        ObjectMapper json = ManifestJson.mapper();
        ForecastModel back = json.readValue(json.writeValueAsString(model), ForecastModel.class);
        assertEquals("arimax", json.readTree(json.writeValueAsString(model)).get("type").asText());
        assertEquals(Arrays.toString(model.forecast(train, DAILY, 5).mean()), Arrays.toString(back.forecast(train, DAILY, 5).mean()));

        double[] flat = new double[120];
        RegularSeries constant = new RegularSeries("a", START, train.values(), new double[][] {flat, flat});
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ArimaxFamily().fit(constant, 7,
                List.of(PROMO, VISITS))).getMessage().contains("no known covariate varies"));
        RegularSeries pastOnly = new RegularSeries("a", START, train.values(), new double[][] {train.covariates()[1]});
        assertThrows(IllegalArgumentException.class, () -> new ArimaxFamily().fit(pastOnly, 7, List.of(VISITS)));
        assertThrows(IllegalStateException.class, () -> model.forecast(train.values(), 3),
                "without its covariates the model cannot forecast");
        assertThrows(IllegalArgumentException.class, () -> model.forecast(train.head(120, List.of(CovariateRole.PAST,
                CovariateRole.PAST)), DAILY, 3), "a known covariate without future values is refused");
    }

    @Test
    void aRefitReestimatesTheRegressionAndKeepsTheErrorsOrder() {
        List<CovariateRole> roles = List.of(CovariateRole.KNOWN, CovariateRole.PAST);
        RegularSeries all = promoSeries(200, 0);
        double[] doubled = Arrays.stream(all.values()).map(v -> 2 * v).toArray();
        RegularSeries twice = new RegularSeries("a", START, doubled, all.covariates());
        ArimaxFamily family = new ArimaxFamily();
        ArimaxModel earlier = (ArimaxModel) family.fit(all.head(150, roles), 7, List.of(PROMO, VISITS));
        ArimaxModel refit = (ArimaxModel) family.refit(earlier, twice, 7, List.of(PROMO, VISITS));
        assertEquals(40, refit.regression().beta()[0], 1.0, "the promotion effect doubles with the data: " + refit.describe());
        assertEquals(earlier.errors().describe(), refit.errors().describe(), "the same orders and constant");
    }

    private static double mae(double[] forecast, double[] actual) {
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            sum += Math.abs(forecast[i] - actual[i]);
        }
        return sum / actual.length;
    }
}
