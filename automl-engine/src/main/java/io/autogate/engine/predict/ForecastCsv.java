package io.autogate.engine.predict;

import io.autogate.engine.BadInputException;
import io.autogate.engine.data.Table;
import io.autogate.runtime.forecast.ForecastResult;
import io.autogate.runtime.forecast.ForecastRow;
import io.autogate.runtime.forecast.ForecastSpec;
import io.autogate.runtime.forecast.Forecaster;
import io.autogate.runtime.schema.Row;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes forecasts as CSV: {@code series_id,timestamp,prediction,lower_80,upper_80,lower_95,upper_95}.
 * When the input file has the target column, each series is forecast from the history in the
 * file (time column required); otherwise from the end of its training data, for the series named
 * in the file's series column (every training series when the file has none).
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
                List<String> ids = new ArrayList<>();
                if (series < 0) {
                    ids.addAll(forecaster.seriesIds());
                } else {
                    table.rows().forEach(r -> {
                        if (!ids.contains(r[series].strip())) {
                            ids.add(r[series].strip());
                        }
                    });
                }
                for (String id : ids) {
                    results.add(forecaster.forecast(id, horizon));
                }
                return results;
            }
            int time = table.header().indexOf(spec.timeColumn());
            if (time < 0) {
                throw new BadInputException("the history has no time column '" + spec.timeColumn() + "'");
            }
            Map<String, List<String[]>> bySeries = new LinkedHashMap<>();
            for (String[] r : table.rows()) {
                bySeries.computeIfAbsent(series < 0 ? onlySeries(forecaster) : r[series].strip(), k -> new ArrayList<>()).add(r);
            }
            for (Map.Entry<String, List<String[]>> e : bySeries.entrySet()) {
                List<String> stamps = e.getValue().stream().map(r -> r[time]).toList();
                double[] values = e.getValue().stream().mapToDouble(r -> number(r[target])).toArray();
                results.add(forecaster.forecast(e.getKey(), horizon, stamps, values));
            }
            return results;
        } catch (java.time.DateTimeException | IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
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
