package io.autogate.engine.predict;

import io.autogate.engine.data.Table;
import io.autogate.runtime.predict.Prediction;
import io.autogate.runtime.predict.Predictor;
import io.autogate.runtime.schema.Row;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes predictions as CSV: a {@code prediction} column, one {@code p_<class>} column per class
 * for classification, and an {@code error} column that is empty for scored rows. Rows are scored
 * in chunks so memory stays bounded by the chunk, and numbers use Java's shortest exact form so
 * repeated runs give byte-identical files.
 */
public final class PredictionCsv {
    private static final int CHUNK = 10_000;

    private PredictionCsv() {
    }

    /** Scores every row of the table and writes the result; returns the number of rows written. */
    public static int write(Predictor predictor, Table table, Writer out) throws IOException {
        List<String> classes = predictor.schema().classes();
        List<String> header = new ArrayList<>();
        header.add("prediction");
        classes.forEach(c -> header.add("p_" + c));
        header.add("error");
        writeLine(out, header);
        Map<String, Integer> index = Row.index(table.header());
        int written = 0;
        for (int start = 0; start < table.rows().size(); start += CHUNK) {
            List<String[]> chunk = table.rows().subList(start, Math.min(table.rows().size(), start + CHUNK));
            List<Row> rows = chunk.stream().map(values -> Row.of(index, values)).toList();
            for (Prediction p : predictor.predict(rows)) {
                writeLine(out, cells(p, classes.size()));
                written++;
            }
        }
        return written;
    }

    private static List<String> cells(Prediction p, int classes) {
        List<String> cells = new ArrayList<>();
        if (!p.ok()) {
            cells.add("");
            for (int c = 0; c < classes; c++) {
                cells.add("");
            }
            cells.add(p.error());
            return cells;
        }
        cells.add(p.label() != null ? p.label() : Double.toString(p.value()));
        p.probabilities().forEach(v -> cells.add(Double.toString(v)));
        cells.add("");
        return cells;
    }

    private static void writeLine(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(cells.get(i)));
        }
        out.write('\n');
    }

    /** RFC 4180 quoting: values with a comma, quote or line break are quoted, quotes doubled. */
    public static String quote(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
