package io.autogate.engine.predict;

import io.autogate.engine.BadInputException;
import io.autogate.engine.data.Table;
import io.autogate.runtime.forecast.Covariate;
import io.autogate.runtime.forecast.CovariateRows;
import io.autogate.runtime.forecast.ForecastResult;
import io.autogate.runtime.forecast.ForecastRow;
import io.autogate.runtime.forecast.ForecastSpec;
import io.autogate.runtime.forecast.Forecaster;
import io.autogate.runtime.schema.Row;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes forecasts as CSV: {@code series_id,timestamp,prediction,lower_80,upper_80,lower_95,upper_95}.
 * When the input file has the target column, each series is forecast from the history in the
 * file (time column required); otherwise from the end of its training data, for the series named
 * in the file's series column (every training series when the file has none). A model with
 * known-in-advance covariates reads their future values from the file: the rows of a series
 * after its last target value (target empty), or every row when the file has no target column
 * (rows without a series column then serve every series). A history carries every covariate column.
 */
public final class ForecastCsv {
    /** The header of the output. */
    public static final String HEADER = "series_id,timestamp,prediction,lower_80,upper_80,lower_95,upper_95";

    private ForecastCsv() {
    }

    /** The forecasts of every series the input asks for; bad input is a one-line {@link BadInputException}. */
    public static List<ForecastResult> forecast(Forecaster forecaster, Table table, int horizon) {
        ForecastSpec spec = forecaster.spec();
        int series = spec.seriesColumn() == null ? -1 : table.header().indexOf(spec.seriesColumn());
        int target = table.header().indexOf(spec.target());
        List<ForecastResult> results = new ArrayList<>();
        try {
            if (target < 0) {
                Map<String, List<String[]>> future = new LinkedHashMap<>();
                if (series < 0) {
                    forecaster.seriesIds().forEach(id -> future.put(id, table.rows()));
                } else {
                    table.rows().forEach(r -> future.computeIfAbsent(r[series].strip(), k -> new ArrayList<>()).add(r));
                }
                boolean known = !spec.knownCovariates().isEmpty();
                int time = known ? timeColumn(table, spec) : -1;
                for (Map.Entry<String, List<String[]>> e : future.entrySet()) {
                    results.add(forecaster.forecast(e.getKey(), horizon, known ? futureRows(table, spec, time, e.getValue())
                            : CovariateRows.NONE));
                }
                return results;
            }
            int time = timeColumn(table, spec);
            Map<String, List<String[]>> bySeries = new LinkedHashMap<>();
            for (String[] r : table.rows()) {
                bySeries.computeIfAbsent(series < 0 ? onlySeries(forecaster) : r[series].strip(), k -> new ArrayList<>()).add(r);
            }
            for (Map.Entry<String, List<String[]>> e : bySeries.entrySet()) {
                List<String[]> history = e.getValue();
                List<String[]> future = List.of();
                if (!spec.covariates().isEmpty()) {
                    List<List<String[]>> split = splitAtLastValue(spec, history, time, target);
                    history = split.get(0);
                    future = split.get(1);
                }
                List<String> stamps = history.stream().map(r -> r[time]).toList();
                double[] values = history.stream().mapToDouble(r -> number(r[target])).toArray();
                Map<String, List<String>> covariates = new LinkedHashMap<>();
                for (Covariate c : spec.covariates()) {
                    int column = covariateColumn(table, c);
                    covariates.put(c.name(), history.stream().map(r -> r[column]).toList());
                }
                CovariateRows rows = spec.knownCovariates().isEmpty() ? CovariateRows.NONE : futureRows(table, spec, time, future);
                results.add(forecaster.forecast(e.getKey(), horizon, stamps, values, covariates, rows));
            }
            return results;
        } catch (java.time.DateTimeException | IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    /**
     * The rows of one series split into its history (up to the last row with a target value)
     * and its future rows (later, with an empty target: the known covariates' future values).
     */
    private static List<List<String[]>> splitAtLastValue(ForecastSpec spec, List<String[]> rows, int time, int target) {
        LocalDateTime last = null;
        List<LocalDateTime> stamps = new ArrayList<>(rows.size());
        for (String[] r : rows) {
            LocalDateTime t = spec.timeFormat().parse(r[time].strip());
            stamps.add(t);
            if (!Row.isMissing(r[target]) && (last == null || t.isAfter(last))) {
                last = t;
            }
        }
        List<String[]> history = new ArrayList<>();
        List<String[]> future = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            (last == null || !stamps.get(i).isAfter(last) ? history : future).add(rows.get(i));
        }
        return List.of(history, future);
    }

    /** The known covariates' values on the given rows. */
    private static CovariateRows futureRows(Table table, ForecastSpec spec, int time, List<String[]> rows) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (Covariate c : spec.knownCovariates()) {
            int column = covariateColumn(table, c);
            values.put(c.name(), rows.stream().map(r -> Row.isMissing(r[column]) ? null : r[column]).toList());
        }
        return new CovariateRows(rows.stream().map(r -> r[time].strip()).toList(), values);
    }

    private static int covariateColumn(Table table, Covariate c) {
        int column = table.header().indexOf(c.name());
        if (column < 0) {
            throw new BadInputException("the data has no column for covariate " + c.describe());
        }
        return column;
    }

    private static int timeColumn(Table table, ForecastSpec spec) {
        int time = table.header().indexOf(spec.timeColumn());
        if (time < 0) {
            throw new BadInputException("the data has no time column '" + spec.timeColumn() + "'");
        }
        return time;
    }

    /** Writes the rows of {@code results} with a header; returns the number of rows. */
    public static int write(List<ForecastResult> results, Writer out) throws IOException {
        out.write(HEADER);
        out.write('\n');
        int rows = 0;
        for (ForecastResult r : results) {
            for (ForecastRow row : r.rows()) {
                out.write(PredictionCsv.quote(row.seriesId()) + "," + PredictionCsv.quote(row.timestamp()) + ","
                        + num(row.prediction()) + "," + num(row.lower80()) + "," + num(row.upper80()) + ","
                        + num(row.lower95()) + "," + num(row.upper95()) + "\n");
                rows++;
            }
        }
        return rows;
    }

    private static String onlySeries(Forecaster forecaster) {
        return forecaster.seriesIds().size() == 1 ? forecaster.seriesIds().get(0) : "";
    }

    private static double number(String text) {
        if (Row.isMissing(text)) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new BadInputException("history value '" + text + "' is not a number");
        }
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.8g", v);
    }
}
