package io.autogate.engine.forecast;

import io.autogate.runtime.forecast.Covariate;
import io.autogate.runtime.forecast.ForecastModel;
import io.autogate.runtime.forecast.Frequency;
import io.autogate.runtime.forecast.RegularSeries;
import java.util.List;

/**
 * A forecasting family: fits one model to one series. A fit may throw; the caller excludes the
 * member and logs why. Fits check their thread's interrupt flag so a time slot can stop them.
 */
public interface ForecastFamily {
    /** The family's name on the command line and in the artifact. */
    String id();

    /** The shortest series this family fits, for a seasonal period. */
    int minLength(int period);

    /** Fits the family to {@code y} (regular, no missing values) with seasonal period {@code period}. */
    ForecastModel fit(double[] y, int period);

    /**
     * Fits the family to a series with its encoded covariates ({@code covariates}: the artifact's,
     * in the order of the series' rows); a family that reads none fits the values alone.
     */
    default ForecastModel fit(RegularSeries series, int period, List<Covariate> covariates) {
        return fit(series.values(), period);
    }

    /**
     * Fits a later backtest window of a series whose previous window was fitted as {@code earlier}
     * (a model of this family). By default a full fit, as {@link #fit(RegularSeries, int, List)};
     * a family whose structure search dominates its cost may keep the earlier structure and
     * re-estimate only its parameters (AutoGluon's {@code refit_every_n_windows} makes the same
     * trade). The model fitted on the whole series always gets the full search.
     */
    default ForecastModel refit(ForecastModel earlier, RegularSeries series, int period, List<Covariate> covariates) {
        return fit(series, period, covariates);
    }

    /**
     * Whether the family regresses on known-in-advance covariates (and so has nothing to fit on data
     * without them); the trainer then leaves it out, with a note when it was named.
     */
    default boolean readsKnownCovariates() {
        return false;
    }

    /**
     * This family for series of {@code frequency}; a family that uses more of the calendar than
     * the seasonal period (such as the seasonal periods of {@link MstlFamily}) returns a
     * configured copy, the others themselves.
     */
    default ForecastFamily forFrequency(Frequency frequency) {
        return this;
    }

    /**
     * Whether the family has anything to fit on series of {@code frequency} (true unless it needs
     * more of the calendar than every frequency has); the trainer skips it, with a note, otherwise.
     */
    default boolean appliesTo(Frequency frequency) {
        return true;
    }

    /**
     * Whether the family is fitted when no families are named; an opt-in family (false) is
     * fitted only when {@code --families} names it.
     */
    default boolean byDefault() {
        return true;
    }
}
