package io.autogate.gateway.batch;

/**
 * One record from {@link CsvChunkParser}: its fields, or, when the record could not be read (too
 * long, unterminated quote), no fields and the {@code error}.
 */
public record CsvRecord(String[] fields, String error) {
    private static final String[] NO_FIELDS = new String[0];

    /** A record read without problems. */
    public static CsvRecord of(String[] fields) {
        return new CsvRecord(fields, null);
    }

    /** A record that could not be read. */
    public static CsvRecord failed(String error) {
        return new CsvRecord(NO_FIELDS, error);
    }

    /** Whether the record was read without problems. */
    public boolean ok() {
        return error == null;
    }
}
