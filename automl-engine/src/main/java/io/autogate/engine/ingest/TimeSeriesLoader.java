package io.autogate.engine.ingest;

import io.autogate.engine.BadInputException;
import io.autogate.engine.data.SeriesData;
import io.autogate.engine.data.Table;
import io.autogate.runtime.forecast.Covariate;
import io.autogate.runtime.forecast.CovariateGrid;
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
 * a series are kept. Covariate columns ({@link CovariateColumns}) are encoded and put on each
 * series' grid by the same rules ({@link CovariateGrid}; missing values imputed by
 * {@link Covariate#imputation()}, reported per covariate); other columns are ignored.
 */
public final class TimeSeriesLoader {
    private TimeSeriesLoader() {
    }

    /** Loads and regularises; every problem is a one-line {@link BadInputException}. */
    public static SeriesData load(Table table, String target, String timeColumn, String seriesColumn, Frequency given,
            int maxHistory) {
        return load(table, target, timeColumn, seriesColumn, List.of(), List.of(), given, maxHistory);
    }

    /** Loads and regularises with covariates known in advance and past-only; every problem is a one-line {@link BadInputException}. */
    public static SeriesData load(Table table, String target, String timeColumn, String seriesColumn, List<String> known,
            List<String> past, Frequency given, int maxHistory) {
        int time = column(table, timeColumn, "--time-column");
        int value = column(table, target, "--target");
        int id = seriesColumn == null ? -1 : column(table, seriesColumn, "--series-column");
        if (table.rows().isEmpty()) {
            throw new BadInputException("the data has no rows");
        }
        List<Covariate> covariates = CovariateColumns.of(table, known, past, target, timeColumn, seriesColumn);
        int[] covColumns = covariates.stream().mapToInt(c -> table.header().indexOf(c.name())).toArray();
        Map<String, List<String[]>> covText = new LinkedHashMap<>();
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
            String[] cov = new String[covColumns.length];
            for (int c = 0; c < cov.length; c++) {
                cov[c] = row[covColumns[c]];
            }
            covText.computeIfAbsent(key, k -> new ArrayList<>()).add(cov);
        }
        Frequency frequency = given != null ? given : inferFrequency(stamps, timeColumn);
        List<String> notes = new ArrayList<>();
        notes.add("frequency " + frequency.id() + (given != null ? " (given)" : " (inferred)") + ", seasonal period "
                + frequency.seasonalPeriod() + ", time format " + format);
        if (nonNumeric > 0) {
            notes.add(nonNumeric + " non-numeric target value(s) treated as missing");
        }
        List<RegularSeries> series = new ArrayList<>();
        int[] imputed = new int[covariates.size()];
        for (Map.Entry<String, List<LocalDateTime>> e : stamps.entrySet()) {
            double[] y = values.get(e.getKey()).stream().mapToDouble(Double::doubleValue).toArray();
            SeriesRegularizer.Result result;
            double[][] cov;
            try {
                result = SeriesRegularizer.regularize(e.getKey(), e.getValue(), y, frequency);
                CovariateGrid.Result grid = CovariateGrid.onGrid(e.getKey(), covariates, e.getValue(),
                        covariateText(covariates, covText.get(e.getKey())), frequency);
                cov = grid.rows();
                for (int c = 0; c < imputed.length; c++) {
                    imputed[c] += grid.imputed()[c];
                }
            } catch (IllegalArgumentException bad) {
                throw new BadInputException(bad.getMessage());
            }
            notes.addAll(result.report().notes(e.getKey()));
            series.add(new RegularSeries(e.getKey(), result.series().start(), result.series().values(), cov));
        }
        for (int c = 0; c < covariates.size(); c++) {
            Covariate cov = covariates.get(c);
            notes.add("covariate " + cov.describe() + (imputed[c] == 0 ? ": no missing value"
                    : ": " + imputed[c] + " missing value(s) imputed by " + cov.imputation()));
        }
        return new SeriesData(series, frequency, format, table.rows().size(), notes, covariates).lastSteps(maxHistory);
    }

    /** Per covariate name, its text on each row of one series. */
    private static Map<String, List<String>> covariateText(List<Covariate> covariates, List<String[]> rows) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int c = 0; c < covariates.size(); c++) {
            List<String> column = new ArrayList<>(rows.size());
            for (String[] r : rows) {
                column.add(r[c]);
            }
            out.put(covariates.get(c).name(), column);
        }
        return out;
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

    static int column(Table table, String name, String option) {
        int i = table.header().indexOf(name);
        if (i < 0) {
            throw new BadInputException(option + " " + notAColumn(table, name));
        }
        return i;
    }

    /** "'name' is not a column of the data", with the closest column names when there are any. */
    static String notAColumn(Table table, String name) {
        List<String> close = ColumnNameSuggestions.closest(name, table.header(), 3);
        return "'" + name + "' is not a column of the data"
                + (close.isEmpty() ? "" : " (did you mean " + String.join(", ", close) + "?)");
    }
}
