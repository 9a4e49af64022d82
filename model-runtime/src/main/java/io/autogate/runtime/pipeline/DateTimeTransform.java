package io.autogate.runtime.pipeline;

import io.autogate.runtime.schema.DateTimeValues;
import io.autogate.runtime.schema.Row;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A date-time column expanded into parts ({@code <column>_year}, {@code _month}, {@code _day},
 * {@code _day_of_week}, {@code _hour} when training values had times, {@code _days_since_epoch}),
 * read with {@link DateTimeValues#parse} and the column's {@code pattern} ({@code null} = ISO-8601).
 * A missing or unparseable value gets each part's training median and, when the column had such
 * values in training, a last output {@code <column>_missing} of 1.
 */
public record DateTimeTransform(String column, String pattern, List<DatePartFeature> parts,
                                boolean missingIndicator) implements ColumnTransform {
    public DateTimeTransform {
        Objects.requireNonNull(column, "column");
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("datetime transform of '" + column + "' has no parts");
        }
    }

    @Override
    public List<String> outputNames() {
        List<String> names = new ArrayList<>(width());
        for (DatePartFeature p : parts) {
            names.add(column + "_" + p.part().suffix());
        }
        if (missingIndicator) {
            names.add(column + "_missing");
        }
        return List.copyOf(names);
    }

    @Override
    public int width() {
        return parts.size() + (missingIndicator ? 1 : 0);
    }

    @Override
    public void apply(String raw, double[] out, int offset) {
        Optional<LocalDateTime> t = Row.isMissing(raw) ? Optional.empty() : DateTimeValues.parse(raw, pattern);
        for (int i = 0; i < parts.size(); i++) {
            DatePartFeature p = parts.get(i);
            out[offset + i] = p.scaling().apply(t.isPresent() ? p.part().of(t.get()) : p.median());
        }
        if (missingIndicator) {
            out[offset + parts.size()] = t.isPresent() ? 0 : 1;
        }
    }
}
