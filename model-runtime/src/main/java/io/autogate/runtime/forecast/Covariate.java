package io.autogate.runtime.forecast;

import io.autogate.runtime.pipeline.RawValues;
import io.autogate.runtime.schema.ColumnType;
import io.autogate.runtime.schema.Row;
import java.util.List;
import java.util.Locale;

/**
 * A covariate column of a forecasting artifact: its name, its {@link CovariateRole} and how its
 * text is encoded as a number: {@link ColumnType#NUMERIC} as the number, {@link ColumnType#BOOLEAN}
 * as 1 (true, yes, y, t, 1) or 0, {@link ColumnType#CATEGORICAL} as the index of the value in
 * {@code categories} (the training values, sorted). Missing values of the history are imputed
 * by {@link #fill()}: numeric by linear interpolation, boolean and categorical by the previous
 * value (the first known value before it); future values of a known covariate are never imputed.
 */
public record Covariate(String name, CovariateRole role, ColumnType type, List<String> categories) {
    public Covariate {
        categories = categories == null ? List.of() : List.copyOf(categories);
        if (name == null || name.isEmpty() || role == null) {
            throw new IllegalArgumentException("a covariate needs a name and a role");
        }
        if (type != ColumnType.NUMERIC && type != ColumnType.BOOLEAN && type != ColumnType.CATEGORICAL) {
            throw new IllegalArgumentException("covariate '" + name + "' must be numeric, boolean or categorical, not " + type);
        }
        if (type == ColumnType.CATEGORICAL && categories.isEmpty()) {
            throw new IllegalArgumentException("categorical covariate '" + name + "' needs its categories");
        }
    }

    /**
     * The encoded value of {@code raw}; {@code NaN} when it is missing.
     *
     * @throws IllegalArgumentException when the text is not a number, a boolean word or a training
     *                                  category (as the type asks), naming the covariate
     */
    public double encode(String raw) {
        if (Row.isMissing(raw)) {
            return Double.NaN;
        }
        String s = raw.strip();
        switch (type) {
            case NUMERIC -> {
                double v = RawValues.number(s);
                if (Double.isNaN(v)) {
                    throw new IllegalArgumentException("covariate '" + name + "': '" + s + "' is not a number");
                }
                return v;
            }
            case BOOLEAN -> {
                if (RawValues.isTrueWord(s)) {
                    return 1;
                }
                if (RawValues.isFalseWord(s)) {
                    return 0;
                }
                throw new IllegalArgumentException("covariate '" + name + "': '" + s + "' is not a boolean (true/false)");
            }
            default -> {
                int i = categories.indexOf(s);
                if (i < 0) {
                    throw new IllegalArgumentException("covariate '" + name + "': '" + s + "' is not one of the training values "
                            + (categories.size() <= 20 ? categories.toString() : categories.size() + " values"));
                }
                return i;
            }
        }
    }

    /** The text of an encoded value (the inverse of {@link #encode}); empty for {@code NaN}. */
    public String decode(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        return switch (type) {
            case NUMERIC -> Double.toString(value);
            case BOOLEAN -> value != 0 ? "true" : "false";
            default -> categories.get((int) value);
        };
    }

    /** How missing values of the history are imputed. */
    public SeriesRegularizer.Fill fill() {
        return type == ColumnType.NUMERIC ? SeriesRegularizer.Fill.LINEAR : SeriesRegularizer.Fill.PREVIOUS;
    }

    /** The imputation rule in words, e.g. {@code linear interpolation}. */
    public String imputation() {
        return fill() == SeriesRegularizer.Fill.LINEAR ? "linear interpolation" : "carrying the previous value forward";
    }

    /** E.g. {@code day_type (known in advance, categorical [A, U, W])}. */
    public String describe() {
        return name + " (" + role.text() + ", " + type.name().toLowerCase(Locale.ROOT)
                + (type == ColumnType.CATEGORICAL ? " " + (categories.size() <= 10 ? categories.toString()
                        : categories.size() + " values") : "") + ")";
    }
}
