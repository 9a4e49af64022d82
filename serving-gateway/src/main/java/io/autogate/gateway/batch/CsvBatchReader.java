package io.autogate.gateway.batch;

import io.autogate.gateway.http.ApiException;
import io.autogate.runtime.schema.Row;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads CSV input: the first record is the header, each later record becomes a row over the
 * header's columns. A record with a different number of fields than the header, or one the parser
 * rejected, becomes an error record; its fields are padded with empty strings or cut to the header
 * width so the output stays rectangular. Not thread-safe.
 */
public final class CsvBatchReader implements BatchReader {
    private final CsvChunkParser parser;
    private List<String> header;
    private Map<String, Integer> index;
    private long rowNumber;

    /** A reader over the given parser. */
    public CsvBatchReader(CsvChunkParser parser) {
        this.parser = parser;
    }

    @Override
    public List<BatchRecord> feed(byte[] chunk, int offset, int length) {
        return toRecords(parser.feed(chunk, offset, length));
    }

    @Override
    public List<BatchRecord> finish() {
        return toRecords(parser.finish());
    }

    @Override
    public Optional<List<String>> header() {
        return Optional.ofNullable(header);
    }

    @Override
    public int bufferedBytes() {
        return parser.bufferedBytes();
    }

    private List<BatchRecord> toRecords(List<CsvRecord> parsed) {
        List<BatchRecord> out = new ArrayList<>(parsed.size());
        for (CsvRecord record : parsed) {
            if (header == null) {
                readHeader(record);
            } else {
                out.add(toRecord(++rowNumber, record));
            }
        }
        return out;
    }

    private void readHeader(CsvRecord record) {
        if (!record.ok()) {
            throw ApiException.badRequest("CSV header cannot be read: " + record.error());
        }
        header = List.of(record.fields());
        index = Row.index(header);
    }

    private BatchRecord toRecord(long number, CsvRecord record) {
        String[] fields = record.fields();
        if (!record.ok()) {
            return new BatchRecord(number, null, fitToHeader(fields), null, "row " + number + ": " + record.error());
        }
        if (fields.length != header.size()) {
            String error = "row " + number + " has " + fields.length + " fields, header has " + header.size();
            return new BatchRecord(number, null, fitToHeader(fields), null, error);
        }
        return new BatchRecord(number, Row.of(index, fields), fields, null, null);
    }

    private String[] fitToHeader(String[] fields) {
        String[] fitted = Arrays.copyOf(fields, header.size());
        Arrays.fill(fitted, Math.min(fields.length, fitted.length), fitted.length, "");
        return fitted;
    }
}
