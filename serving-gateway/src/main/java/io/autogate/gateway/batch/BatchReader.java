package io.autogate.gateway.batch;

import java.util.List;
import java.util.Optional;

/**
 * Turns an input byte stream of one {@link BatchFormat} into {@link BatchRecord}s, chunk by chunk.
 * Not thread-safe: one reader per input stream, used from one thread at a time.
 */
public interface BatchReader {
    /**
     * Feeds {@code length} bytes of {@code chunk} from {@code offset}; returns the records they completed.
     *
     * @throws io.autogate.gateway.http.ApiException (400) when the input as a whole is unusable,
     *     such as a CSV header that cannot be read
     */
    List<BatchRecord> feed(byte[] chunk, int offset, int length);

    /** Feeds a whole chunk; returns the records it completed. */
    default List<BatchRecord> feed(byte[] chunk) {
        return feed(chunk, 0, chunk.length);
    }

    /** Ends the input; returns the records still pending. */
    List<BatchRecord> finish();

    /** The input's column header once it has been read (CSV); always empty for NDJSON. */
    Optional<List<String>> header();

    /** Bytes of unfinished input the reader holds (for memory accounting). */
    int bufferedBytes();
}
