package io.autogate.gateway.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Incremental newline-delimited JSON push parser: bytes go in chunk by chunk, each complete
 * non-blank line comes out parsed as a JSON object, and a partial line is carried to the next call.
 * A line that is not a single JSON object, or is longer than {@code maxLineBytes}, comes out as a
 * record with an error instead of failing the stream. A trailing CR and a leading UTF-8 byte order
 * mark are ignored.
 *
 * <p>Not thread-safe: one parser per input stream, fed from one thread at a time.
 */
public final class NdjsonChunkParser {
    private static final ObjectReader READER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .reader();

    private final int maxLineBytes;
    private byte[] line = new byte[256];
    private int lineLength;
    private boolean oversized;
    private long lineNumber;

    /** A parser with the {@link CsvChunkParser#DEFAULT_MAX_RECORD_BYTES} line limit. */
    public NdjsonChunkParser() {
        this(CsvChunkParser.DEFAULT_MAX_RECORD_BYTES);
    }

    /** A parser rejecting lines longer than {@code maxLineBytes} bytes. */
    public NdjsonChunkParser(int maxLineBytes) {
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be positive, got " + maxLineBytes);
        }
        this.maxLineBytes = maxLineBytes;
    }

    /** Feeds a chunk; returns the lines it completed. */
    public List<NdjsonRecord> feed(Buffer chunk) {
        return feed(chunk.getBytes());
    }

    /** Feeds a chunk; returns the lines it completed. */
    public List<NdjsonRecord> feed(byte[] chunk) {
        return feed(chunk, 0, chunk.length);
    }

    /** Feeds {@code length} bytes of {@code chunk} from {@code offset}; returns the lines they completed. */
    public List<NdjsonRecord> feed(byte[] chunk, int offset, int length) {
        List<NdjsonRecord> out = new ArrayList<>();
        int start = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            if (chunk[i] == '\n') {
                append(chunk, start, i - start);
                endLine(out);
                start = i + 1;
            }
        }
        append(chunk, start, end - start);
        return out;
    }

    /** Ends the input: returns the last line if the input did not end with a newline. */
    public List<NdjsonRecord> finish() {
        List<NdjsonRecord> out = new ArrayList<>();
        if (lineLength > 0 || oversized) {
            endLine(out);
        }
        return out;
    }

    /** Bytes of the current unfinished line held by the parser (for memory accounting). */
    public int bufferedBytes() {
        return lineLength;
    }

    private void append(byte[] bytes, int offset, int length) {
        if (oversized || length == 0) {
            return;
        }
        if (lineLength + length > maxLineBytes) {
            oversized = true;
            lineLength = 0;
            return;
        }
        if (lineLength + length > line.length) {
            line = Arrays.copyOf(line, Math.min(Math.max(line.length * 2, lineLength + length), maxLineBytes));
        }
        System.arraycopy(bytes, offset, line, lineLength, length);
        lineLength += length;
    }

    private void endLine(List<NdjsonRecord> out) {
        lineNumber++;
        if (oversized) {
            out.add(new NdjsonRecord(lineNumber, null, "line " + lineNumber + " is longer than the limit of " + maxLineBytes + " bytes"));
        } else if (!blank()) {
            out.add(parse());
        }
        lineLength = 0;
        oversized = false;
        if (line.length > 4096) {
            line = new byte[256];
        }
    }

    private boolean blank() {
        for (int i = 0; i < lineLength; i++) {
            byte b = line[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private NdjsonRecord parse() {
        try {
            JsonNode node = READER.readTree(line, 0, lineLength);
            if (node instanceof ObjectNode object) {
                return new NdjsonRecord(lineNumber, object, null);
            }
            return new NdjsonRecord(lineNumber, null, "line " + lineNumber + " is not a JSON object");
        } catch (JsonProcessingException e) {
            return new NdjsonRecord(lineNumber, null, "line " + lineNumber + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return new NdjsonRecord(lineNumber, null, "line " + lineNumber + " could not be read: " + e.getMessage());
        }
    }
}
