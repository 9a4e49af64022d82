package io.autogate.engine.ingest;

import io.autogate.engine.BadInputException;
import io.autogate.engine.data.SeriesData;
import io.autogate.engine.data.Table;
import io.autogate.runtime.forecast.Frequency;
import io.autogate.runtime.forecast.RegularSeries;
import io.autogate.runtime.forecast.SeriesRegularizer;
import io.autogate.runtime.forecast.TimeFormat;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads forecasting data from a table: the time column (format detected from its first value),
 * the target, an optional series-id column. The frequency is inferred from the most common step
 * within the series unless given; each series is then regularised by {@link SeriesRegularizer}'s
 * stated rules and the rules that fired are reported. Only the last {@code maxHistory} steps of
 * a series are kept. Other columns are ignored (covariates are not used yet).
 */
public final class TimeSeriesLoader {
    private TimeSeriesLoader() {
    }

    /** Loads and regularises; every problem is a one-line {@link BadInputException}. */
    public static SeriesData load(Table table, String target, String timeColumn, String seriesColumn, Frequency given,
            int maxHistory) {
        int time = column(table, timeColumn, "--time-column");
        int value = column(table, target, "--target");
        int id = seriesColumn == null ? -1 : column(table, seriesColumn, "--series-column");
        if (table.rows().isEmpty()) {
            throw new BadInputException("the data has no rows");
        }
        TimeFormat format = null;
        Map<String, List<LocalDateTime>> stamps = new LinkedHashMap<>();
        Map<String, List<Double>> values = new LinkedHashMap<>();
        int nonNumeric = 0;
        for (int r = 0; r < table.rows().size(); r++) {
            String[] row = table.rows().get(r);
            String raw = row[time];
            if (MissingValues.isMissing(raw) || raw.isBlank()) {
                throw new BadInputException("time column '" + timeColumn + "' is empty on line " + table.lineNumbers().get(r));
            }
            LocalDateTime t;
            try {
                if (format == null) {
                    format = TimeFormat.detect(raw);
                }
                t = format.parse(raw);
            } catch (DateTimeException e) {
                throw new BadInputException("time column '" + timeColumn + "' line " + table.lineNumbers().get(r) + ": "
                        + e.getMessage());
            }
            String key = id < 0 ? "" : row[id].strip();
            String v = row[value].strip();
            double y = MissingValues.isMissing(row[value]) ? Double.NaN : NumericText.parse(v);
            if (Double.isNaN(y) && !MissingValues.isMissing(row[value])) {
                nonNumeric++;
                if (nonNumeric > table.rows().size() / 10 + 1) {
                    throw new BadInputException("target '" + target + "' is not numeric (e.g. '" + v + "' on line "
                            + table.lineNumbers().get(r) + ")");
                }
            }
            stamps.computeIfAbsent(key, k -> new ArrayList<>()).add(t);
            values.computeIfAbsent(key, k -> new ArrayList<>()).add(y);
        }
        Frequency frequency = given != null ? given : inferFrequency(stamps, timeColumn);
        List<String> notes = new ArrayList<>();
        notes.add("frequency " + frequency.id() + (given != null ? " (given)" : " (inferred)") + ", seasonal period "
                + frequency.seasonalPeriod() + ", time format " + format);
        if (nonNumeric > 0) {
            notes.add(nonNumeric + " non-numeric target value(s) treated as missing");
        }
        List<RegularSeries> series = new ArrayList<>();
        int truncated = 0;
        for (Map.Entry<String, List<LocalDateTime>> e : stamps.entrySet()) {
            double[] y = values.get(e.getKey()).stream().mapToDouble(Double::doubleValue).toArray();
            SeriesRegularizer.Result result;
            try {
                result = SeriesRegularizer.regularize(e.getKey(), e.getValue(), y, frequency);
            } catch (IllegalArgumentException bad) {
                throw new BadInputException(bad.getMessage());
            }
            notes.addAll(result.report().notes(e.getKey()));
            RegularSeries s = result.series();
            if (s.values().length > maxHistory) {
                int drop = s.values().length - maxHistory;
                s = new RegularSeries(s.id(), frequency.plus(s.start(), drop),
                        java.util.Arrays.copyOfRange(s.values(), drop, s.values().length));
                truncated++;
            }
            series.add(s);
        }
        if (truncated > 0) {
            notes.add(truncated + " series longer than " + maxHistory + " steps: only the last " + maxHistory + " are used");
        }
        return new SeriesData(series, frequency, format, table.rows().size(), notes);
    }

    private static Frequency inferFrequency(Map<String, List<LocalDateTime>> stamps, String timeColumn) {
        List<LocalDateTime> longest = stamps.values().stream().max(java.util.Comparator.comparingInt(List::size)).orElseThrow();
        List<LocalDateTime> distinct = new ArrayList<>(new TreeSet<>(longest));
        try {
            return Frequency.infer(distinct);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("time column '" + timeColumn + "': " + e.getMessage() + "; give --frequency");
        }
    }

    private static int column(Table table, String name, String option) {
        int i = table.header().indexOf(name);
        if (i < 0) {
            List<String> close = ColumnNameSuggestions.closest(name, table.header(), 3);
            throw new BadInputException(option + " '" + name + "' is not a column of the data"
                    + (close.isEmpty() ? "" : " (did you mean " + String.join(", ", close) + "?)"));
        }
        return i;
    }
}
