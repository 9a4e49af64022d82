package io.autogate.gateway.feedback;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The log of served online predictions and the feedback joined to them, so ground truth sent
 * later can be matched by request id and row.
 *
 * <p><b>Bounds.</b> At most {@code maxEntries} records (predictions and feedback together) are
 * kept in memory, none older than {@code maxAge}; the oldest go first. Lookups treat records older
 * than {@code maxAge} as gone even before they are evicted.
 *
 * <p><b>Persistence.</b> Records are appended as NDJSON lines to segment files
 * {@code segment-<sequence>.ndjson} in the folder. Writes are buffered and flushed every
 * {@value #FLUSH_EVERY} records and on {@link #flush()} and {@link #close()}; nothing is fsynced,
 * so a crash loses at most the records written since the last flush (and may leave a truncated
 * last line, which loading skips). A new segment starts every {@code max(1, maxEntries / 4)}
 * records and on every open (an existing segment is never appended to); a segment file is
 * deleted once every record in it has been evicted, so the disk holds at most about one segment
 * more than memory. On open, surviving segments are read back in order into the in-memory index
 * and the bounds are applied again. One open log per folder: a second log opened on the same
 * folder would treat the first one's live segment as left over.
 *
 * <p><b>A failing disk.</b> Serving never fails for the log: when a segment cannot be created,
 * written, flushed or closed, the record is still kept in memory (feedback joins it while this
 * process runs), the failure is counted ({@link #failedWrites()}) and logged once per run of
 * failures, and the next record starts a new segment. Only persistence across a restart is lost
 * for those records. A segment that cannot be deleted stays on disk and is counted the same way.
 *
 * <p><b>Thread safety.</b> All methods are safe to call from any thread; they synchronise on the
 * log. {@link #append} serialises the record outside the lock and then does a buffered write and a
 * few hash-map updates.
 */
public final class PredictionLog implements AutoCloseable {
    /** Records written between automatic flushes. */
    public static final int FLUSH_EVERY = 64;

    private static final System.Logger LOG = System.getLogger(PredictionLog.class.getName());
    private static final Pattern SEGMENT_NAME = Pattern.compile("segment-(\\d{19})\\.ndjson");

    private final Path folder;
    private final int maxEntries;
    private final long maxAgeMillis;
    private final Clock clock;
    private final int segmentSize;

    private final ArrayDeque<LogEntry> entries = new ArrayDeque<>();
    private final ArrayDeque<Segment> segments = new ArrayDeque<>();
    private final Map<RowKey, LoggedPrediction> predictions = new HashMap<>();
    private final Map<String, Integer> rowsPerRequest = new HashMap<>();
    private final Set<RowKey> withFeedback = new HashSet<>();
    /** One instance of each endpoint, arm, model and label name (few distinct values, repeated in every record). */
    private final Map<String, String> names = new HashMap<>();

    private Segment current;
    private BufferedWriter writer;
    private long nextSequence;
    private int unflushed;
    private int skippedLines;
    private long failedWrites;
    private boolean failing;
    private boolean closed;

    /**
     * Opens the log in {@code folder} (created if absent), reloading the segments a previous run
     * left there.
     *
     * @param maxEntries most records kept, at least 1
     * @param maxAge     oldest record kept, positive
     * @throws IOException when the folder cannot be created or read
     */
    public PredictionLog(Path folder, int maxEntries, Duration maxAge, Clock clock) throws IOException {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be >= 1, got " + maxEntries);
        }
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxAge must be positive, got " + maxAge);
        }
        this.folder = folder;
        this.maxEntries = maxEntries;
        this.maxAgeMillis = maxAge.toMillis();
        this.clock = clock;
        this.segmentSize = Math.max(1, maxEntries / 4);
        Files.createDirectories(folder);
        load();
    }

    /** Logs one served prediction. */
    public void append(LoggedPrediction prediction) {
        write(prediction, LogCodec.encode(prediction));
    }

    /**
     * Logs the feedback for a prediction unless that prediction already has feedback.
     *
     * @return {@code false} when the prediction already had feedback (nothing is written)
     */
    public boolean recordFeedback(FeedbackOutcome outcome) {
        RowKey key = new RowKey(outcome.requestId(), outcome.row());
        String line = LogCodec.encode(outcome);
        synchronized (this) {
            if (withFeedback.contains(key)) {
                return false;
            }
            write(outcome, line);
            return true;
        }
    }

    /** The logged prediction for a request's row, if it is still kept. */
    public synchronized Optional<LoggedPrediction> find(String requestId, int row) {
        evict();
        LoggedPrediction p = predictions.get(new RowKey(requestId, row));
        return p == null || isExpired(p) ? Optional.empty() : Optional.of(p);
    }

    /** How many rows of a request are kept (0 when the request id is unknown or evicted). */
    public synchronized int rows(String requestId) {
        evict();
        return rowsPerRequest.getOrDefault(requestId, 0);
    }

    /** Whether feedback was already recorded for the request's row. */
    public synchronized boolean hasFeedback(String requestId, int row) {
        return withFeedback.contains(new RowKey(requestId, row));
    }

    /** The feedback outcomes still kept, oldest first. */
    public synchronized List<FeedbackOutcome> feedback() {
        evict();
        List<FeedbackOutcome> out = new ArrayList<>();
        for (LogEntry e : entries) {
            if (e instanceof FeedbackOutcome f) {
                out.add(f);
            }
        }
        return out;
    }

    /** Records kept in memory (predictions and feedback). */
    public synchronized int size() {
        evict();
        return entries.size();
    }

    /** Segment files currently on disk. */
    public synchronized int segmentCount() {
        return segments.size();
    }

    /** Lines that could not be read back on open (such as a line truncated by a crash). */
    public synchronized int skippedLines() {
        return skippedLines;
    }

    /** Writes buffered records to the segment file (a failure is counted, see the class comment). */
    public synchronized void flush() {
        if (writer != null) {
            try {
                writer.flush();
                failing = false;
            } catch (IOException e) {
                diskFailed("flush", e);
            }
            unflushed = 0;
        }
    }

    /** Disk operations of the log that failed since it was opened (see the class comment). */
    public synchronized long failedWrites() {
        return failedWrites;
    }

    /** Flushes and closes the current segment; later writes fail. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closeWriter();
        closed = true;
    }

    private synchronized void write(LogEntry entry, String line) {
        if (closed) {
            throw new IllegalStateException("prediction log is closed");
        }
        try {
            if (writer == null) {
                openSegment();
            }
            writer.write(line);
            writer.write('\n');
        } catch (IOException e) {
            diskFailed("write", e);
        }
        add(entry, current);
        current.written++;
        if (++unflushed >= FLUSH_EVERY) {
            flush();
        }
        if (current.written >= segmentSize) {
            closeWriter();
        }
        evict();
    }

    private void add(LogEntry logged, Segment segment) {
        LogEntry entry = logged instanceof LoggedPrediction p ? shareNames(p) : logged;
        entries.addLast(entry);
        segment.remaining++;
        RowKey key = new RowKey(entry.requestId(), entry.row());
        switch (entry) {
            case LoggedPrediction p -> {
                if (predictions.put(key, p) == null) {
                    rowsPerRequest.merge(p.requestId(), 1, Integer::sum);
                }
                withFeedback.remove(key);
            }
            case FeedbackOutcome f -> {
                if (predictions.containsKey(key)) {
                    withFeedback.add(key);
                }
            }
        }
    }

    /**
     * The prediction with its endpoint, arm and model names replaced by one shared instance each:
     * they repeat in every record, and the kept records are the log's whole memory cost.
     */
    private LoggedPrediction shareNames(LoggedPrediction p) {
        return new LoggedPrediction(p.requestId(), p.row(), shared(p.endpoint()), shared(p.arm()), shared(p.model()),
                p.timeMillis(), p.label() == null ? null : shared(p.label()), p.value());
    }

    private String shared(String name) {
        return names.computeIfAbsent(name, n -> n);
    }

    private void evict() {
        long cutoff = clock.millis() - maxAgeMillis;
        while (!entries.isEmpty() && (entries.size() > maxEntries || entries.peekFirst().timeMillis() < cutoff)) {
            LogEntry e = entries.pollFirst();
            if (e instanceof LoggedPrediction p) {
                RowKey key = new RowKey(p.requestId(), p.row());
                if (predictions.get(key) == p) {
                    predictions.remove(key);
                    withFeedback.remove(key);
                    rowsPerRequest.computeIfPresent(p.requestId(), (k, n) -> n == 1 ? null : n - 1);
                }
            }
            segments.peekFirst().remaining--;
            dropEmptySegments();
        }
    }

    private void dropEmptySegments() {
        while (!segments.isEmpty() && segments.peekFirst() != current && segments.peekFirst().remaining == 0) {
            Segment s = segments.pollFirst();
            try {
                Files.deleteIfExists(s.path);
            } catch (IOException e) {
                countDiskFailure("delete " + s.path.getFileName(), e); // the file stays; the writer is fine
            }
        }
    }

    private boolean isExpired(LogEntry e) {
        return e.timeMillis() < clock.millis() - maxAgeMillis;
    }

    // the segment joins the queue before its file is opened: records attributed to it are counted
    // in it even when the file cannot be made
    private void openSegment() throws IOException {
        current = new Segment(folder.resolve(String.format(Locale.ROOT, "segment-%019d.ndjson", nextSequence++)));
        segments.addLast(current);
        writer = Files.newBufferedWriter(current.path, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
        failing = false;
    }

    private void closeWriter() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                countDiskFailure("close", e); // the writer is dropped just below either way
            }
        }
        writer = null;
        unflushed = 0;
        current = null;
        dropEmptySegments();
    }

    /**
     * Counts a failed disk operation and drops the segment's writer, so the next record starts a new
     * segment (a line cut by the failure ends the old one; loading skips it). Logged once per run of
     * failures.
     */
    private void diskFailed(String what, IOException e) {
        countDiskFailure(what, e);
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException ignored) {
                // already failing; the records are in memory
            }
            writer = null;
            unflushed = 0;
        }
    }

    private void countDiskFailure(String what, IOException e) {
        failedWrites++;
        if (!failing) {
            failing = true;
            LOG.log(System.Logger.Level.WARNING, "prediction log in " + folder + ": cannot " + what + " ("
                    + e.getMessage() + "); predictions are kept in memory only until it can");
        }
    }

    private void load() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> SEGMENT_NAME.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        }
        for (Path file : files) {
            Matcher m = SEGMENT_NAME.matcher(file.getFileName().toString());
            if (m.matches()) {
                nextSequence = Math.max(nextSequence, Long.parseLong(m.group(1)) + 1);
            }
            Segment segment = new Segment(file);
            segments.addLast(segment);
            // A reader (not Files.lines) so bytes cut mid-character by a crash decode as U+FFFD instead of failing.
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    LogEntry e = line.isBlank() ? null : LogCodec.decode(line);
                    if (e != null) {
                        add(e, segment);
                    } else if (!line.isBlank()) {
                        skippedLines++;
                    }
                }
            }
        }
        evict();
        dropEmptySegments();
    }

    /** A request's row. */
    private record RowKey(String requestId, int row) {
    }

    /** One segment file and how many of its records are still kept. */
    private static final class Segment {
        final Path path;
        int remaining;
        int written;

        Segment(Path path) {
            this.path = path;
        }
    }
}
