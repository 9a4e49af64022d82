package io.autogate.gateway.batch;

import java.util.Locale;
import java.util.Optional;

/** The wire formats of batch scoring; a response always uses the format of its request. */
public enum BatchFormat {
    /** RFC 4180 CSV with a header record. */
    CSV("text/csv", "csv"),
    /** Newline-delimited JSON, one object per line. */
    NDJSON("application/x-ndjson", "ndjson");

    private final String contentType;
    private final String extension;

    BatchFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    /** The media type sent in {@code Content-Type}. */
    public String contentType() {
        return contentType;
    }

    /** The file extension used for job input and result files, without the dot. */
    public String extension() {
        return extension;
    }

    /**
     * The format named by a {@code Content-Type} header value, ignoring parameters such as
     * {@code charset}: {@code text/csv}, or {@code application/x-ndjson} / {@code application/ndjson}
     * / {@code application/jsonl}. Empty for anything else, including {@code null}.
     */
    public static Optional<BatchFormat> fromContentType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        int semicolon = contentType.indexOf(';');
        String media = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        return switch (media) {
            case "text/csv" -> Optional.of(CSV);
            case "application/x-ndjson", "application/ndjson", "application/jsonl" -> Optional.of(NDJSON);
            default -> Optional.empty();
        };
    }

    /** The format of a file by its extension: {@code .csv}, or {@code .ndjson} / {@code .jsonl}. */
    public static Optional<BatchFormat> fromFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        if (lower.endsWith(".ndjson") || lower.endsWith(".jsonl")) {
            return Optional.of(NDJSON);
        }
        return Optional.empty();
    }

    /** A new reader for one input stream of this format. */
    public BatchReader newReader(int maxRecordBytes) {
        return switch (this) {
            case CSV -> new CsvBatchReader(new CsvChunkParser(maxRecordBytes));
            case NDJSON -> new NdjsonBatchReader(new NdjsonChunkParser(maxRecordBytes));
        };
    }

    /** A writer of this format appending the columns described by {@code spec}. */
    public BatchWriter newWriter(BatchOutputSpec spec) {
        return switch (this) {
            case CSV -> new CsvBatchWriter(spec);
            case NDJSON -> new NdjsonBatchWriter(spec);
        };
    }
}
