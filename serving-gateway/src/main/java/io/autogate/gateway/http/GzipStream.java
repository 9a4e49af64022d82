package io.autogate.gateway.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A write stream that gzips what is written to it into another (RFC 1952: header, deflate data,
 * CRC-32 and length). Every write is flushed through (a deflate sync flush), so the receiver can
 * decode each chunk as it arrives; {@link #end()} writes the trailer and ends the target. Back
 * pressure and errors are the target's. Not thread-safe: used on one event loop.
 */
final class GzipStream implements WriteStream<Buffer> {
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    private static final int OUTPUT_BYTES = 8192;

    private final WriteStream<Buffer> target;
    private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    private final CRC32 crc = new CRC32();
    private final byte[] output = new byte[OUTPUT_BYTES];
    private boolean headerWritten;

    GzipStream(WriteStream<Buffer> target) {
        this.target = target;
    }

    @Override
    public Future<Void> write(Buffer data) {
        return target.write(compress(data.getBytes(), Deflater.SYNC_FLUSH));
    }

    @Override
    public Future<Void> end() {
        return end(Buffer.buffer());
    }

    @Override
    public Future<Void> end(Buffer data) {
        Buffer last = compress(data.getBytes(), Deflater.NO_FLUSH);
        deflater.finish();
        while (!deflater.finished()) {
            last.appendBytes(output, 0, deflater.deflate(output));
        }
        last.appendIntLE((int) crc.getValue()).appendIntLE((int) deflater.getBytesRead());
        deflater.end();
        return target.end(last);
    }

    // the deflated bytes of the input (after the gzip header on the first call); with a sync flush all
    // of them, else what the deflater gives out so far
    private Buffer compress(byte[] bytes, int flush) {
        Buffer out = Buffer.buffer(bytes.length / 2 + 64);
        if (!headerWritten) {
            out.appendBytes(HEADER);
            headerWritten = true;
        }
        crc.update(bytes);
        deflater.setInput(bytes);
        int n;
        do {
            n = deflater.deflate(output, 0, output.length, flush);
            out.appendBytes(output, 0, n);
        } while (n == output.length || !deflater.needsInput());
        return out;
    }

    @Override
    public GzipStream exceptionHandler(Handler<Throwable> handler) {
        target.exceptionHandler(handler);
        return this;
    }

    @Override
    public GzipStream setWriteQueueMaxSize(int maxSize) {
        target.setWriteQueueMaxSize(maxSize);
        return this;
    }

    @Override
    public boolean writeQueueFull() {
        return target.writeQueueFull();
    }

    @Override
    public GzipStream drainHandler(Handler<Void> handler) {
        target.drainHandler(handler);
        return this;
    }
}
