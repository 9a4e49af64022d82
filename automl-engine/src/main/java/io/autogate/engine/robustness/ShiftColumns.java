package io.autogate.engine.robustness;

import io.autogate.engine.BadInputException;
import io.autogate.engine.data.Dataset;
import io.autogate.engine.ingest.ColumnNameSuggestions;
import io.autogate.engine.ingest.NumericText;
import io.autogate.runtime.schema.ColumnSpec;
import io.autogate.runtime.schema.ColumnType;
import io.autogate.runtime.schema.DateTimeValues;
import io.autogate.runtime.schema.Row;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The time and domain columns of a run's shifted splits, checked against the data before the
 * search starts. A given column must exist; a time column must read as dates or numbers; a
 * domain column needs at least two values. Without {@code --time-column} the first date-time
 * feature is used; without {@code --domain-column} a categorical column with 2 to
 * {@value #MAX_SUGGESTED_LEVELS} values whose name says site, region, country and the like is
 * suggested. {@code notes} say what was detected or suggested.
 */
public record ShiftColumns(String timeColumn, double[] time, String domainColumn, List<String> notes) {
    static final int MAX_SUGGESTED_LEVELS = 12;
    private static final List<String> DOMAIN_WORDS = List.of("site", "region", "domain", "country", "state", "city",
            "location", "hospital", "store", "origin", "proximity", "area", "zone", "color", "colour", "embarked",
            "neighborhood", "neighbourhood", "source", "workclass", "district", "branch", "sensor", "device", "county");

    public ShiftColumns {
        notes = List.copyOf(notes);
    }

    /** Resolves and checks the columns; bad input is a one-line {@link BadInputException}. */
    public static ShiftColumns resolve(Dataset data, RobustnessSettings settings) {
        List<String> notes = new ArrayList<>();
        String timeColumn = settings.timeColumn();
        if (timeColumn != null) {
            require(data, timeColumn, "--time-column");
        } else {
            timeColumn = data.schema().featureColumns().stream().filter(c -> c.type() == ColumnType.DATETIME)
                    .map(ColumnSpec::name).findFirst().orElse(null);
            if (timeColumn != null) {
                notes.add("time column detected: '" + timeColumn + "' (set --time-column to choose another)");
            }
        }
        double[] time = timeColumn == null ? null : timeValues(data, timeColumn, settings.timeColumn() != null);
        if (time == null && settings.timeColumn() == null) {
            timeColumn = null;
        }
        String domainColumn = settings.domainColumn();
        if (domainColumn != null) {
            require(data, domainColumn, "--domain-column");
            Set<String> values = distinct(data, domainColumn);
            if (values.size() < 2) {
                throw new BadInputException("--domain-column '" + domainColumn + "' has "
                        + (values.isEmpty() ? "no values" : "a single value '" + values.iterator().next() + "'")
                        + ": at least two domains are needed to hold one out");
            }
        } else {
            domainColumn = suggestDomain(data).orElse(null);
            if (domainColumn != null) {
                notes.add("domain column suggested: '" + domainColumn + "' (set --domain-column to choose another)");
            }
        }
        return new ShiftColumns(timeColumn, time, domainColumn, notes);
    }

    /** A categorical feature with a domain-like name and 2 to 12 values, if there is one. */
    static Optional<String> suggestDomain(Dataset data) {
        for (ColumnSpec c : data.schema().featureColumns()) {
            if (c.type() != ColumnType.CATEGORICAL) {
                continue;
            }
            String name = c.name().toLowerCase(Locale.ROOT);
            if (DOMAIN_WORDS.stream().noneMatch(name::contains)) {
                continue;
            }
            int levels = distinct(data, c.name()).size();
            if (levels >= 2 && levels <= MAX_SUGGESTED_LEVELS) {
                return Optional.of(c.name());
            }
        }
        return Optional.empty();
    }

    private static void require(Dataset data, String column, String flag) {
        if (data.schema().column(column).isPresent()) {
            return;
        }
        List<String> names = new ArrayList<>(data.schema().columns().stream().map(ColumnSpec::name).toList());
        if (column.equals(data.schema().target())) {
            throw new BadInputException(flag + " '" + column + "' is the target column; choose another column");
        }
        List<String> close = ColumnNameSuggestions.closest(column, names, 3);
        throw new BadInputException(flag + ": no column '" + column + "' in the data"
                + (close.isEmpty() ? "" : "; did you mean " + String.join(" or ", close.stream().map(n -> "'" + n + "'").toList()) + "?"));
    }

    /**
     * The time of each row as a number (epoch seconds for dates), {@code NaN} where missing.
     * A value that is neither a date nor a number is an error when the user named the column,
     * otherwise the column is not used ({@code null}).
     */
    private static double[] timeValues(Dataset data, String column, boolean given) {
        ColumnSpec spec = data.schema().column(column).orElseThrow();
        double[] out = new double[data.size()];
        int present = 0;
        for (int i = 0; i < out.length; i++) {
            String raw = data.rows().get(i).get(column);
            if (Row.isMissing(raw)) {
                out[i] = Double.NaN;
                continue;
            }
            double v = NumericText.parse(raw.strip());
            if (Double.isNaN(v)) {
                v = DateTimeValues.parse(raw, spec.datetimePattern())
                        .map(t -> (double) t.toEpochSecond(ZoneOffset.UTC)).orElse(Double.NaN);
            }
            if (Double.isNaN(v)) {
                if (!given) {
                    return null;
                }
                throw new BadInputException("--time-column '" + column + "' is not a date or a number: row " + (i + 1)
                        + " has '" + raw + "'");
            }
            out[i] = v;
            present++;
        }
        if (present == 0) {
            if (!given) {
                return null;
            }
            throw new BadInputException("--time-column '" + column + "' has no values");
        }
        return out;
    }

    static Set<String> distinct(Dataset data, String column) {
        Set<String> values = new LinkedHashSet<>();
        for (Row r : data.rows()) {
            String raw = r.get(column);
            if (!Row.isMissing(raw)) {
                values.add(raw.strip());
            }
        }
        return values;
    }
}
