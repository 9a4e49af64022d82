package io.autogate.gateway.http;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The structured access log: one JSON object per line, written by a background daemon thread so
 * the event loop never waits on the disk or terminal. Lines wait in a bounded queue; when the
 * writer falls behind, new lines are dropped and counted rather than slowing requests. Thread-safe.
 */
public final class AccessLog implements AutoCloseable {
    private final BlockingQueue<String> queue;
    private final Writer out;
    private final Thread writer;
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean closed;

    /** A log writing to {@code out}, holding at most {@code capacity} pending lines. */
    public AccessLog(Writer out, int capacity) {
        this.out = new BufferedWriter(out, 1 << 16);
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writer = Thread.ofPlatform().daemon().name("autogate-access-log").start(this::drain);
    }

    /** A log that discards every line (for embedding and tests that do not read it). */
    public static AccessLog discarding() {
        return new AccessLog(Writer.nullWriter(), 1024);
    }

    /** Queues one JSON line; never blocks. */
    public void write(String jsonLine) {
        if (!closed && !queue.offer(jsonLine)) {
            dropped.incrementAndGet();
        }
    }

    /** Lines dropped because the writer fell behind. */
    public long dropped() {
        return dropped.get();
    }

    private void drain() {
        List<String> batch = new ArrayList<>();
        try {
            while (!closed || !queue.isEmpty()) {
                String first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, 1023);
                for (String line : batch) {
                    out.write(line);
                    out.write('\n');
                }
                batch.clear();
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            writer.join(2000);
            out.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the sink is gone; nothing more can be written
        }
    }
}
