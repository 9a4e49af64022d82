package io.autogate.benchmarks.h2o;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import water.fvec.Frame;
import water.fvec.Vec;

/**
 * Writes an H2O prediction frame as Autogate's {@code pred.csv}: a {@code prediction} column and,
 * for classification, one {@code p_<class>} column per class of the target's domain.
 */
public final class PredictionCsvWriter {

    private PredictionCsvWriter() {
    }

    /**
     * Writes {@code predictions} (the frame returned by {@code Model.score}) to {@code out}.
     *
     * @param classDomain the leader's response domain, or {@code null} for regression
     */
    public static void write(Frame predictions, String[] classDomain, Path out) throws IOException {
        Vec predicted = predictions.vec(0);
        Vec[] probabilities = new Vec[classDomain == null ? 0 : classDomain.length];
        StringBuilder header = new StringBuilder("prediction");
        for (int c = 0; c < probabilities.length; c++) {
            // H2O puts class probabilities right after "predict", in domain order, named by the class
            // label, or "p<label>" when the label starts with a digit.
            String name = predictions.numCols() > c + 1 ? predictions.name(c + 1) : null;
            if (!classDomain[c].equals(name) && !("p" + classDomain[c]).equals(name)) {
                throw new IllegalStateException("H2O prediction frame has no probability column for class '"
                        + classDomain[c] + "' (columns: " + String.join(", ", predictions.names()) + ")");
            }
            probabilities[c] = predictions.vec(c + 1);
            header.append(',').append(quote("p_" + classDomain[c]));
        }
        String[] predictedDomain = predicted.domain();
        try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            writer.write(header.toString());
            writer.write('\n');
            long rows = predictions.numRows();
            StringBuilder line = new StringBuilder();
            for (long r = 0; r < rows; r++) {
                line.setLength(0);
                if (predicted.isNA(r)) {
                    line.append("");
                } else if (predictedDomain != null) {
                    line.append(quote(predictedDomain[(int) predicted.at8(r)]));
                } else {
                    line.append(predicted.at(r));
                }
                for (Vec probability : probabilities) {
                    line.append(',');
                    if (!probability.isNA(r)) {
                        line.append(probability.at(r));
                    }
                }
                writer.write(line.toString());
                writer.write('\n');
            }
        }
    }

    /** RFC 4180 quoting: values with a comma, quote or line break are quoted, quotes doubled. */
    static String quote(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
