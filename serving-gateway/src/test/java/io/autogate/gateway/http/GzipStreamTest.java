package io.autogate.gateway.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

class GzipStreamTest {
    /** Collects what is written to it. */
    private static final class Collected implements WriteStream<Buffer> {
        final Buffer bytes = Buffer.buffer();
        boolean ended;

        @Override
        public Future<Void> write(Buffer data) {
            bytes.appendBuffer(data);
            return Future.succeededFuture();
        }

        @Override
        public Future<Void> end() {
            ended = true;
            return Future.succeededFuture();
        }

        @Override
        public Future<Void> end(Buffer data) {
            bytes.appendBuffer(data);
            return end();
        }

        @Override
        public Collected exceptionHandler(Handler<Throwable> handler) {
            return this;
        }

        @Override
        public Collected setWriteQueueMaxSize(int maxSize) {
            return this;
        }

        @Override
        public boolean writeQueueFull() {
            return false;
        }

        @Override
        public Collected drainHandler(Handler<Void> handler) {
            return this;
        }
    }

    private static byte[] gunzip(Buffer gzipped) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.getBytes()))) {
            return in.readAllBytes();
        }
    }

    @Test
    void chunksOfAnySizeDecodeBackWholeWithTheTrailerChecked() throws IOException {
        Random random = new Random(7);
        for (int chunks : new int[] {0, 1, 3, 40}) {
            Collected target = new Collected();
            GzipStream gzip = new GzipStream(target);
            Buffer written = Buffer.buffer();
            for (int c = 0; c < chunks; c++) {
                // text that compresses, and incompressible bytes larger than the deflater's output array
                byte[] chunk = c % 2 == 0 ? ("row " + c + ",0.5,red\n").repeat(1 + random.nextInt(500)).getBytes()
                        : new byte[20_000 + random.nextInt(20_000)];
                if (c % 2 == 1) {
                    random.nextBytes(chunk);
                }
                written.appendBytes(chunk);
                gzip.write(Buffer.buffer(chunk));
            }
            gzip.end(Buffer.buffer("last".getBytes()));
            written.appendString("last");
            assertTrue(target.ended);
            assertArrayEquals(written.getBytes(), gunzip(target.bytes), chunks + " chunks");
        }
    }

    @Test
    void everyWriteIsFlushedSoTheReceiverCanDecodeItAtOnce() throws Exception {
        Collected target = new Collected();
        GzipStream gzip = new GzipStream(target);
        Inflater inflater = new Inflater(true);
        int consumed = 10; // the gzip header
        for (String line : new String[] {"header\n", "first row\n", "second row\n"}) {
            gzip.write(Buffer.buffer(line));
            byte[] sent = target.bytes.getBytes(consumed, target.bytes.length());
            consumed = target.bytes.length();
            inflater.setInput(sent);
            byte[] out = new byte[100];
            int n = inflater.inflate(out);
            assertEquals(line, new String(out, 0, n), "decodable before anything else is written");
        }
        inflater.end();
        gzip.end();
    }
}
