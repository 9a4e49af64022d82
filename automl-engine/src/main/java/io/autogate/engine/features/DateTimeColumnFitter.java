package io.autogate.engine.features;

import io.autogate.runtime.pipeline.DatePart;
import io.autogate.runtime.pipeline.DatePartFeature;
import io.autogate.runtime.pipeline.DateTimeTransform;
import io.autogate.runtime.schema.DateTimeValues;
import io.autogate.runtime.schema.Row;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Fits a {@link DateTimeTransform}: which parts to emit (hour only when some training value has a
 * time of day), each part's median for missing values, and optional scaling.
 */
final class DateTimeColumnFitter {
    private DateTimeColumnFitter() {
    }

    static DateTimeTransform fit(String column, String pattern, String[] raw, boolean scale) {
        LocalDateTime[] parsed = new LocalDateTime[raw.length];
        boolean anyMissing = false;
        boolean hasTime = false;
        for (int i = 0; i < raw.length; i++) {
            parsed[i] = Row.isMissing(raw[i]) ? null : DateTimeValues.parse(raw[i], pattern).orElse(null);
            anyMissing |= parsed[i] == null;
            hasTime |= parsed[i] != null && !parsed[i].toLocalTime().equals(LocalTime.MIDNIGHT);
        }
        List<DatePartFeature> features = new ArrayList<>();
        for (DatePart part : DatePart.values()) {
            if (part == DatePart.HOUR && !hasTime) {
                continue;
            }
            double[] v = new double[raw.length];
            for (int i = 0; i < raw.length; i++) {
                v[i] = parsed[i] == null ? Double.NaN : part.of(parsed[i]);
            }
            double median = ColumnStatistics.median(v);
            for (int i = 0; i < v.length; i++) {
                if (Double.isNaN(v[i])) {
                    v[i] = median;
                }
            }
            features.add(new DatePartFeature(part, median, ColumnStatistics.scalingOf(v, scale)));
        }
        return new DateTimeTransform(column, pattern, features, anyMissing);
    }
}
