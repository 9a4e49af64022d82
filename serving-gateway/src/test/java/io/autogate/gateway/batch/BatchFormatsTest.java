package io.autogate.gateway.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.gateway.http.ApiException;
import io.autogate.runtime.predict.Prediction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BatchFormatsTest {
    @Test
    void contentTypesAndFileNamesMapToFormats() {
        assertEquals(Optional.of(BatchFormat.CSV), BatchFormat.fromContentType("text/csv; charset=utf-8"));
        assertEquals(Optional.of(BatchFormat.NDJSON), BatchFormat.fromContentType(" Application/X-NDJSON"));
        assertEquals(Optional.empty(), BatchFormat.fromContentType("application/json"));
        assertEquals(Optional.empty(), BatchFormat.fromContentType(null));
        assertEquals(Optional.of(BatchFormat.NDJSON), BatchFormat.fromFileName("in.JSONL"));
        assertEquals(Optional.empty(), BatchFormat.fromFileName("in.txt"));
    }

    @Test
    void csvRowsGetPredictionsAndWrongWidthRowsGetAnErrorInARectangularOutput() {
        String csv = "x,\"note, text\"\n7,\"a \"\"q\"\"\"\n2\n1,b,extra\nabc,z\n";
        String out = score(BatchFormat.CSV, csv, FakeScorers.CLASSES);
        assertEquals(String.join("\n",
                "x,\"note, text\",prediction,probability_no,probability_yes,model,error",
                "7,\"a \"\"q\"\"\",yes,0.2,0.8,m@1,",
                "2,,,,,,\"row 2 has 1 fields, header has 2\"",
                "1,b,,,,,\"row 3 has 3 fields, header has 2\"",
                "abc,z,,,,m@1,\"x: must be a number, got 'abc'\"") + "\n", out);
        List<List<String>> parsed = CsvChunkParserTest.parseInChunks(out.getBytes(StandardCharsets.UTF_8), 5, 1000)
                .stream().map(r -> List.of(r.fields())).toList();
        for (List<String> record : parsed) {
            assertEquals(7, record.size(), record.toString());
        }
        assertEquals("row 2 has 1 fields, header has 2", parsed.get(2).get(6));
    }

    @Test
    void regressionCsvWithArmHasValueModelAndArmColumns() {
        BatchScorer scorer = rows -> rows.stream().map(r -> new ScoredRow(Prediction.ofValue(1.5), "r@2", "blue")).toList();
        String out = score(BatchFormat.CSV, "a\n1\n", new BatchOutputSpec(List.of(), true), scorer);
        assertEquals("a,prediction,model,arm,error\n1,1.5,r@2,blue,\n", out);
    }

    @Test
    void ndjsonKeepsTheInputObjectAndAddsPredictionFields() {
        String in = "{\"x\":9,\"tags\":[1,2],\"error\":\"old\"}\n{\"x\":\"oops\"}\n[1]\n";
        String out = score(BatchFormat.NDJSON, in, FakeScorers.CLASSES);
        assertEquals(String.join("\n",
                "{\"x\":9,\"tags\":[1,2],\"prediction\":\"yes\",\"probabilities\":{\"no\":0.2,\"yes\":0.8},\"model\":\"m@1\"}",
                "{\"x\":\"oops\",\"model\":\"m@1\",\"error\":\"x: must be a number, got 'oops'\"}",
                "{\"model\":null,\"error\":\"line 3 is not a JSON object\"}") + "\n", out);
    }

    @Test
    void aScorerThatThrowsFailsEveryRowOfTheChunkNotTheBatch() {
        BatchScorer broken = rows -> {
            throw new IllegalStateException("model crashed");
        };
        String out = score(BatchFormat.CSV, "x\n1\n2\n", FakeScorers.CLASSES, broken);
        assertEquals(3, out.split("\n").length);
        assertTrue(out.endsWith("2,,,,,the model failed to score this chunk; the server log has the details\n"), out);
        assertFalse(out.contains("model crashed"), "no exception text in answers: " + out);
    }

    @Test
    void anUnreadableCsvHeaderIsABadRequest() {
        BatchReader reader = BatchFormat.CSV.newReader(10);
        ApiException e = assertThrows(ApiException.class, () -> reader.feed(("a".repeat(20) + "\n").getBytes(StandardCharsets.UTF_8)));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().startsWith("CSV header cannot be read"), e.getMessage());
    }

    private static String score(BatchFormat format, String input, BatchOutputSpec spec) {
        return score(format, input, spec, FakeScorers.threshold(new AtomicLong()));
    }

    private static String score(BatchFormat format, String input, BatchOutputSpec spec, BatchScorer scorer) {
        BatchReader reader = format.newReader(1000);
        BatchWriter writer = format.newWriter(spec);
        List<BatchRecord> records = new ArrayList<>(reader.feed(input.getBytes(StandardCharsets.UTF_8)));
        records.addAll(reader.finish());
        StringBuilder out = new StringBuilder();
        reader.header().ifPresent(h -> out.append(new String(writer.header(h), StandardCharsets.UTF_8)));
        out.append(new String(writer.rows(records, ChunkScoring.score(records, scorer)), StandardCharsets.UTF_8));
        return out.toString();
    }
}
