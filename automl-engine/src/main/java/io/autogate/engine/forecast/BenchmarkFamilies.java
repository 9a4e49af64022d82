package io.autogate.engine.forecast;

import io.autogate.runtime.forecast.DriftModel;
import io.autogate.runtime.forecast.ForecastModel;
import io.autogate.runtime.forecast.MeanModel;
import io.autogate.runtime.forecast.NaiveModel;
import io.autogate.runtime.forecast.SeasonalNaiveModel;

/** The four parameter-free benchmark families: naive, seasonal naive, drift and mean. */
enum BenchmarkFamilies implements ForecastFamily {
    NAIVE("naive") {
        @Override
        ForecastModel model(int period) {
            return new NaiveModel();
        }
    },
    SEASONAL_NAIVE("seasonal_naive") {
        @Override
        ForecastModel model(int period) {
            return new SeasonalNaiveModel(Math.max(1, period));
        }
    },
    DRIFT("drift") {
        @Override
        ForecastModel model(int period) {
            return new DriftModel();
        }
    },
    MEAN("mean") {
        @Override
        ForecastModel model(int period) {
            return new MeanModel();
        }
    };

    private final String id;

    BenchmarkFamilies(String id) {
        this.id = id;
    }

    abstract ForecastModel model(int period);

    @Override
    public String id() {
        return id;
    }

    @Override
    public int minLength(int period) {
        return model(period).minLength();
    }

    @Override
    public ForecastModel fit(double[] y, int period) {
        ForecastModel m = model(period);
        if (y.length < m.minLength()) {
            throw new IllegalArgumentException(id + " needs at least " + m.minLength() + " values, got " + y.length);
        }
        return m;
    }
}
