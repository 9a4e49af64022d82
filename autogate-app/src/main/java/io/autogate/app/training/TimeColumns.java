package io.autogate.app.training;

import io.autogate.engine.data.Table;
import io.autogate.engine.ingest.ColumnTypeInference;
import io.autogate.runtime.forecast.TimeFormat;
import io.autogate.runtime.schema.ColumnSpec;
import io.autogate.runtime.schema.ColumnType;
import io.autogate.runtime.schema.Row;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The columns a forecast could use as its time axis: every value (of the first
 * {@value #CHECKED_VALUES}) reads in one of the forecaster's time formats. A bare year
 * ({@code 1960}) counts only for a date-typed column or one named like a time (year, date,
 * month ...), since any 4-digit number would match it.
 */
final class TimeColumns {
    private static final int CHECKED_VALUES = 500;
    private static final Pattern TIME_NAME = Pattern.compile("(?i).*(year|date|time|month|quarter|period|week|day).*");

    private TimeColumns() {
    }

    static List<String> of(Table table, List<ColumnSpec> specs) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < specs.size(); c++) {
            ColumnSpec spec = specs.get(c);
            if (readsAsTime(ColumnTypeInference.columnValues(table, c), spec)) {
                out.add(spec.name());
            }
        }
        return out;
    }

    private static boolean readsAsTime(List<String> values, ColumnSpec spec) {
        TimeFormat format = null;
        int checked = 0;
        for (String v : values) {
            if (Row.isMissing(v)) {
                continue;
            }
            try {
                if (format == null) {
                    format = TimeFormat.detect(v);
                }
                format.parse(v);
            } catch (DateTimeException | NumberFormatException e) {
                return false;
            }
            if (++checked == CHECKED_VALUES) {
                break;
            }
        }
        return format != null && (format != TimeFormat.YEAR || spec.type() == ColumnType.DATETIME
                || TIME_NAME.matcher(spec.name()).matches());
    }
}
