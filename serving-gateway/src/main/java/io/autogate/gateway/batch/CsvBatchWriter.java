package io.autogate.gateway.batch;

import io.autogate.runtime.predict.Prediction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes CSV output: the input fields as received, re-quoted where needed (a field holding a
 * comma, quote, CR or LF is quoted with inner quotes doubled), then {@code prediction} (label, or
 * value for regression), one {@code probability_<class>} per class, {@code model}, {@code arm}
 * (endpoints only) and {@code error} (empty when the row was scored). Lines end with LF.
 * Stateless and thread-safe.
 */
public final class CsvBatchWriter implements BatchWriter {
    private final BatchOutputSpec spec;

    /** A writer appending the columns of {@code spec}. */
    public CsvBatchWriter(BatchOutputSpec spec) {
        this.spec = spec;
    }

    @Override
    public byte[] header(List<String> inputHeader) {
        StringBuilder out = new StringBuilder();
        for (String name : inputHeader) {
            appendField(out, name).append(',');
        }
        out.append("prediction");
        for (String cls : spec.classes()) {
            out.append(',');
            appendField(out, "probability_" + cls);
        }
        out.append(",model");
        if (spec.withArm()) {
            out.append(",arm");
        }
        out.append(",error\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] rows(List<BatchRecord> records, List<ScoredRow> scored) {
        StringBuilder out = new StringBuilder(records.size() * 64);
        for (int i = 0; i < records.size(); i++) {
            appendRow(out, records.get(i), scored.get(i));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void appendRow(StringBuilder out, BatchRecord record, ScoredRow scored) {
        for (String field : record.fields()) {
            appendField(out, field).append(',');
        }
        Prediction p = scored.prediction();
        if (p.ok()) {
            appendField(out, p.label() != null ? p.label() : p.value() != null ? p.value().toString() : "");
        }
        boolean withProbabilities = p.ok() && p.probabilities().size() == spec.classes().size();
        for (int c = 0; c < spec.classes().size(); c++) {
            out.append(',');
            if (withProbabilities) {
                out.append(p.probabilities().get(c));
            }
        }
        out.append(',');
        appendField(out, scored.model());
        if (spec.withArm()) {
            out.append(',');
            appendField(out, scored.arm());
        }
        out.append(',');
        appendField(out, p.error());
        out.append('\n');
    }

    /** Appends one field, quoted when it holds a comma, quote, CR or LF; {@code null} as empty. */
    static StringBuilder appendField(StringBuilder out, String field) {
        if (field == null) {
            return out;
        }
        boolean quote = false;
        for (int i = 0; i < field.length() && !quote; i++) {
            char c = field.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        if (!quote) {
            return out.append(field);
        }
        out.append('"');
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            out.append(c);
            if (c == '"') {
                out.append('"');
            }
        }
        return out.append('"');
    }
}
