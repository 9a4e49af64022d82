package io.autogate.gateway.http;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The structured access log: one JSON object per line, written by a background daemon thread so
 * the event loop never waits on the disk or terminal. Entries wait in a bounded queue; when the
 * writer falls behind, new entries are dropped and counted rather than slowing requests. The
 * writer wakes on a fixed interval ({@link #FLUSH_INTERVAL}) and writes everything queued in one
 * go: a request never wakes a thread, and the sink sees one write per interval instead of one per
 * request (a line reaches the sink at most that interval late). When the sink fails (a full disk),
 * that interval's lines are dropped and counted, a warning is logged once, and the next interval
 * tries again. Thread-safe.
 */
public final class AccessLog implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(AccessLog.class.getName());

    /** How often the writer drains the queue and flushes the sink. */
    public static final Duration FLUSH_INTERVAL = Duration.ofMillis(50);

    private final BlockingQueue<AccessEntry> queue;
    private final Writer out;
    private final Thread writer;
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean closed;

    /** A log writing to {@code out}, holding at most {@code capacity} pending entries. */
    public AccessLog(Writer out, int capacity) {
        this.out = new BufferedWriter(out, 1 << 16);
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writer = Thread.ofPlatform().daemon().name("autogate-access-log").start(this::drain);
    }

    /** Pending entries held by a log from {@link #open}. */
    public static final int DEFAULT_CAPACITY = 65_536;

    /**
     * The log that {@code --access-log} names: {@code -} for standard output, {@code off} for none,
     * anything else a file, appended to, created (with its folder) when missing and rotated by size
     * as {@code rotation} says ({@link RollingLogFile}).
     */
    public static AccessLog open(String target, LogRotation rotation) throws IOException {
        Writer sink = switch (target) {
            case "off" -> Writer.nullWriter();
            case "-" -> new OutputStreamWriter(System.out, StandardCharsets.UTF_8) {
                @Override
                public void close() throws IOException {
                    flush(); // standard output stays open for the rest of the process
                }
            };
            default -> new RollingLogFile(Path.of(target), rotation);
        };
        return new AccessLog(sink, DEFAULT_CAPACITY);
    }

    /** A log that discards every entry (for embedding and tests that do not read it). */
    public static AccessLog discarding() {
        return new AccessLog(Writer.nullWriter(), 1024);
    }

    /** Queues one entry; never blocks and never wakes the writer. */
    public void write(AccessEntry entry) {
        if (!closed && !queue.offer(entry)) {
            dropped.incrementAndGet();
        }
    }

    /** Entries dropped because the writer fell behind. */
    public long dropped() {
        return dropped.get();
    }

    private void drain() {
        List<AccessEntry> batch = new ArrayList<>();
        StringBuilder line = new StringBuilder(256);
        InstantText times = new InstantText();
        boolean failing = false;
        while (true) {
            boolean last = closed;
            queue.drainTo(batch);
            if (!batch.isEmpty()) {
                try {
                    for (AccessEntry entry : batch) {
                        line.setLength(0);
                        entry.appendJson(line, times);
                        out.append(line).append('\n');
                    }
                    out.flush();
                    failing = false;
                } catch (IOException e) {
                    // the sink refused (a full disk, a closed terminal): the batch is counted as dropped
                    // and the next interval tries again, so logging resumes once the sink takes writes
                    // (lines still buffered may then reach it too: the count errs on the high side)
                    dropped.addAndGet(batch.size());
                    if (!failing) {
                        failing = true;
                        LOG.log(System.Logger.Level.WARNING, "the access log cannot be written (" + e.getMessage()
                                + "); its lines are dropped and counted until it can");
                    }
                }
                batch.clear();
            }
            if (last) {
                return;
            }
            sleepUnlessClosed();
        }
    }

    private void sleepUnlessClosed() {
        try {
            Thread.sleep(FLUSH_INTERVAL);
        } catch (InterruptedException e) {
            // close() interrupts to make the writer drain at once
        }
    }

    /** Writes what is queued, stops the writer and closes the sink; later entries are ignored. */
    @Override
    public void close() {
        closed = true;
        writer.interrupt();
        try {
            writer.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            out.close();
        } catch (IOException e) {
            // the sink is gone; nothing more can be written
        }
    }
}
