package io.autogate.runtime.forecast;

import java.time.LocalDateTime;
import java.time.temporal.IsoFields;

/** A calendar feature of a time step, as a number (the global gradient-boosting family uses them). */
public enum CalendarField {
    /** Minutes since midnight (sub-hourly series). */
    MINUTE_OF_DAY,
    /** 0-23. */
    HOUR_OF_DAY,
    /** 1 (Monday) - 7. */
    DAY_OF_WEEK,
    /** 1-31. */
    DAY_OF_MONTH,
    /** ISO week 1-53. */
    WEEK_OF_YEAR,
    /** 1-12. */
    MONTH,
    /** 1-4. */
    QUARTER;

    /** This field's value at {@code t}. */
    public double value(LocalDateTime t) {
        return switch (this) {
            case MINUTE_OF_DAY -> t.getHour() * 60 + t.getMinute();
            case HOUR_OF_DAY -> t.getHour();
            case DAY_OF_WEEK -> t.getDayOfWeek().getValue();
            case DAY_OF_MONTH -> t.getDayOfMonth();
            case WEEK_OF_YEAR -> t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            case MONTH -> t.getMonthValue();
            case QUARTER -> (t.getMonthValue() - 1) / 3 + 1;
        };
    }
}
