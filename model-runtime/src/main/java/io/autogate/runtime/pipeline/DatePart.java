package io.autogate.runtime.pipeline;

import java.time.LocalDateTime;

/** A number taken from a date-time value by a {@link DateTimeTransform}. */
public enum DatePart {
    /** The year, e.g. 2024. */
    YEAR("year"),
    /** Month of year, 1-12. */
    MONTH("month"),
    /** Day of month, 1-31. */
    DAY_OF_MONTH("day"),
    /** Day of week, 1 (Monday) to 7 (Sunday). */
    DAY_OF_WEEK("day_of_week"),
    /** Hour of day, 0-23; used only when training values had times. */
    HOUR("hour"),
    /** Days since 1970-01-01. */
    DAYS_SINCE_EPOCH("days_since_epoch");

    private final String suffix;

    DatePart(String suffix) {
        this.suffix = suffix;
    }

    /** The output-name suffix, e.g. {@code day_of_week}. */
    public String suffix() {
        return suffix;
    }

    /** This part of a value. */
    public double of(LocalDateTime t) {
        return switch (this) {
            case YEAR -> t.getYear();
            case MONTH -> t.getMonthValue();
            case DAY_OF_MONTH -> t.getDayOfMonth();
            case DAY_OF_WEEK -> t.getDayOfWeek().getValue();
            case HOUR -> t.getHour();
            case DAYS_SINCE_EPOCH -> t.toLocalDate().toEpochDay();
        };
    }
}
