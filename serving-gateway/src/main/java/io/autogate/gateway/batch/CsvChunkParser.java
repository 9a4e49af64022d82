package io.autogate.gateway.batch;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Incremental RFC 4180 push parser: bytes go in chunk by chunk, complete records come out, and a
 * partial record (a quoted field with embedded newlines or quotes, a CRLF, a UTF-8 character split
 * between chunks) is carried to the next call. Fields are separated by commas; records end with
 * CRLF, LF or CR; a field in double quotes may hold commas, line breaks and doubled quotes. A quote
 * inside an unquoted field, or text after a closing quote, is kept literally. Blank lines are
 * skipped and a leading UTF-8 byte order mark is dropped.
 *
 * <p>The parser works on bytes (CSV's structural characters are ASCII, which never occur inside a
 * UTF-8 multibyte sequence) and decodes each field as UTF-8 when it is complete, so it only holds
 * the current record. A record longer than {@code maxRecordBytes} is not kept: its bytes are
 * skipped to its end and it comes out as a {@link CsvRecord#failed} record.
 *
 * <p>Not thread-safe: one parser per input stream, fed from one thread at a time.
 */
public final class CsvChunkParser {
    /** The default longest record, 1 MiB. */
    public static final int DEFAULT_MAX_RECORD_BYTES = 1 << 20;

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private enum State { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED }

    private final int maxRecordBytes;
    private final List<String> fields = new ArrayList<>();
    private byte[] field = new byte[128];
    private int fieldLength;
    private State state = State.FIELD_START;
    private int bomMatched;
    private boolean bomChecked;
    private boolean skipLineFeed;
    private int recordBytes;
    private boolean oversized;

    /** A parser with the {@link #DEFAULT_MAX_RECORD_BYTES} limit. */
    public CsvChunkParser() {
        this(DEFAULT_MAX_RECORD_BYTES);
    }

    /** A parser rejecting records longer than {@code maxRecordBytes} bytes. */
    public CsvChunkParser(int maxRecordBytes) {
        if (maxRecordBytes < 1) {
            throw new IllegalArgumentException("maxRecordBytes must be positive, got " + maxRecordBytes);
        }
        this.maxRecordBytes = maxRecordBytes;
    }

    /** Feeds a chunk; returns the records it completed. */
    public List<CsvRecord> feed(Buffer chunk) {
        return feed(chunk.getBytes());
    }

    /** Feeds a chunk; returns the records it completed. */
    public List<CsvRecord> feed(byte[] chunk) {
        return feed(chunk, 0, chunk.length);
    }

    /** Feeds {@code length} bytes of {@code chunk} from {@code offset}; returns the records they completed. */
    public List<CsvRecord> feed(byte[] chunk, int offset, int length) {
        List<CsvRecord> out = new ArrayList<>();
        int i = offset;
        int end = offset + length;
        while (!bomChecked && i < end) {
            if (chunk[i] == BOM[bomMatched]) {
                bomMatched++;
                i++;
                bomChecked = bomMatched == BOM.length;
            } else {
                replayPartialBom(out);
            }
        }
        for (; i < end; i++) {
            accept(chunk[i], out);
        }
        return out;
    }

    /** Ends the input: returns the last record if the input did not end with a line break. */
    public List<CsvRecord> finish() {
        List<CsvRecord> out = new ArrayList<>();
        if (!bomChecked) {
            replayPartialBom(out);
        }
        if (state == State.QUOTED) {
            out.add(CsvRecord.failed(oversized ? tooLong() : "unterminated quoted field at end of input"));
            resetRecord();
        } else if (!blankSoFar()) {
            endRecord(out);
        }
        skipLineFeed = false;
        return out;
    }

    /** Bytes of the current unfinished record held by the parser (for memory accounting). */
    public int bufferedBytes() {
        return recordBytes;
    }

    private void replayPartialBom(List<CsvRecord> out) {
        bomChecked = true;
        for (int k = 0; k < bomMatched; k++) {
            accept(BOM[k], out);
        }
    }

    private void accept(byte c, List<CsvRecord> out) {
        if (skipLineFeed) {
            skipLineFeed = false;
            if (c == '\n') {
                return;
            }
        }
        boolean lineBreak = c == '\r' || c == '\n';
        if (lineBreak && state != State.QUOTED) {
            if (!blankSoFar()) {
                endRecord(out);
            }
            skipLineFeed = c == '\r';
            return;
        }
        if (++recordBytes > maxRecordBytes && !oversized) {
            oversized = true;
            fields.clear();
            fieldLength = 0;
        }
        switch (state) {
            case FIELD_START -> {
                if (c == '"') {
                    state = State.QUOTED;
                } else if (c == ',') {
                    endField();
                } else {
                    append(c);
                    state = State.UNQUOTED;
                }
            }
            case UNQUOTED -> {
                if (c == ',') {
                    endField();
                    state = State.FIELD_START;
                } else {
                    append(c);
                }
            }
            case QUOTED -> {
                if (c == '"') {
                    state = State.QUOTE_IN_QUOTED;
                } else {
                    append(c);
                }
            }
            case QUOTE_IN_QUOTED -> {
                if (c == '"') {
                    append(c);
                    state = State.QUOTED;
                } else if (c == ',') {
                    endField();
                    state = State.FIELD_START;
                } else {
                    append(c);
                    state = State.UNQUOTED;
                }
            }
        }
    }

    private boolean blankSoFar() {
        return state == State.FIELD_START && recordBytes == 0;
    }

    private void append(byte c) {
        if (oversized) {
            return;
        }
        if (fieldLength == field.length) {
            field = Arrays.copyOf(field, Math.min(Math.max(field.length * 2, 16), maxRecordBytes + 1));
        }
        field[fieldLength++] = c;
    }

    private void endField() {
        if (!oversized) {
            fields.add(new String(field, 0, fieldLength, StandardCharsets.UTF_8));
        }
        fieldLength = 0;
    }

    private void endRecord(List<CsvRecord> out) {
        endField();
        out.add(oversized ? CsvRecord.failed(tooLong()) : CsvRecord.of(fields.toArray(String[]::new)));
        resetRecord();
    }

    private void resetRecord() {
        fields.clear();
        fieldLength = 0;
        recordBytes = 0;
        oversized = false;
        state = State.FIELD_START;
        if (field.length > 4096) {
            field = new byte[128];
        }
    }

    private String tooLong() {
        return "record is longer than the limit of " + maxRecordBytes + " bytes";
    }
}
