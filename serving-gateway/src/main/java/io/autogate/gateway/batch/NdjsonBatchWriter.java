package io.autogate.gateway.batch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.autogate.runtime.predict.Prediction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes NDJSON output: per line the input object's fields, then {@code prediction} (label, or
 * number for regression), {@code probabilities} ({@code {class: p}}, classification only),
 * {@code model}, {@code arm} (endpoints only) and, only for a failed row, {@code error} instead of
 * the prediction. Input fields with those names are replaced. A line that was not an object is
 * answered with just the appended fields. Stateless and thread-safe.
 */
public final class NdjsonBatchWriter implements BatchWriter {
    private static final Set<String> APPENDED = Set.of("prediction", "probabilities", "model", "arm", "error");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    private final BatchOutputSpec spec;

    /** A writer appending the fields of {@code spec}. */
    public NdjsonBatchWriter(BatchOutputSpec spec) {
        this.spec = spec;
    }

    @Override
    public byte[] header(List<String> inputHeader) {
        return new byte[0];
    }

    @Override
    public byte[] rows(List<BatchRecord> records, List<ScoredRow> scored) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(records.size() * 96);
        try (JsonGenerator gen = FACTORY.createGenerator(out)) {
            gen.setRootValueSeparator(null);
            for (int i = 0; i < records.size(); i++) {
                writeRow(gen, records.get(i), scored.get(i));
                gen.flush();
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void writeRow(JsonGenerator gen, BatchRecord record, ScoredRow scored) throws IOException {
        gen.writeStartObject();
        if (record.object() != null) {
            for (Map.Entry<String, JsonNode> field : record.object().properties()) {
                if (!APPENDED.contains(field.getKey())) {
                    gen.writeFieldName(field.getKey());
                    MAPPER.writeTree(gen, field.getValue());
                }
            }
        }
        Prediction p = scored.prediction();
        if (p.ok()) {
            writePrediction(gen, p);
        }
        gen.writeStringField("model", scored.model());
        if (spec.withArm()) {
            gen.writeStringField("arm", scored.arm());
        }
        if (!p.ok()) {
            gen.writeStringField("error", p.error());
        }
        gen.writeEndObject();
    }

    private void writePrediction(JsonGenerator gen, Prediction p) throws IOException {
        if (p.label() != null) {
            gen.writeStringField("prediction", p.label());
        } else if (p.value() != null) {
            gen.writeNumberField("prediction", p.value());
        } else {
            gen.writeNullField("prediction");
        }
        if (spec.classification() && p.probabilities().size() == spec.classes().size()) {
            gen.writeObjectFieldStart("probabilities");
            for (int c = 0; c < spec.classes().size(); c++) {
                gen.writeNumberField(spec.classes().get(c), p.probabilities().get(c));
            }
            gen.writeEndObject();
        }
    }
}
