package io.autogate.gateway.http;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.streams.WriteStream;
import java.util.Locale;

/**
 * The gateway's own response compression. The HTTP server runs without Vert.x's compressor, which
 * put two handlers (gzip and chunked writing) in every connection's pipeline that every request
 * and answer passed through, at about 2-3 µs of CPU per one-row prediction
 * (docs/architecture.md). Answers are gzipped here instead, only when the client accepts gzip:
 * whole answers of at least {@link #THRESHOLD_BYTES} ({@link #end}), and streams of any length
 * ({@link #stream}), flushed chunk by chunk so a client reads rows as they are scored.
 */
public final class Gzip {
    /**
     * Answers shorter than this many bytes go out uncompressed even to a client that accepts gzip
     * (Python's requests and Go's net/http ask for it by default): a one-row prediction (about
     * 200 bytes) gzips by a tenth, fits one TCP segment either way, and compressing it halved the
     * predict route's throughput here (docs/architecture.md).
     */
    public static final int THRESHOLD_BYTES = 1024;

    private Gzip() {
    }

    /**
     * Whether the request's {@code Accept-Encoding} allows gzip: {@code gzip} or {@code x-gzip}
     * without {@code q=0}, or else {@code *} without {@code q=0} (a coding named outright
     * outranks the wildcard, as RFC 9110 says).
     */
    public static boolean accepted(HttpServerRequest request) {
        String header = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
        if (header == null) {
            return false;
        }
        boolean named = false;
        boolean namedAllowed = false;
        boolean wildcardAllowed = false;
        for (String part : header.split(",")) {
            String[] coding = part.split(";");
            String name = coding[0].strip().toLowerCase(Locale.ROOT);
            if (name.equals("gzip") || name.equals("x-gzip")) {
                named = true;
                namedAllowed |= !refused(coding);
            } else if (name.equals("*")) {
                wildcardAllowed = !refused(coding);
            }
        }
        return named ? namedAllowed : wildcardAllowed;
    }

    // a q parameter of zero ("q=0", "q=0.0", ...) refuses the coding; an unreadable one does not
    private static boolean refused(String[] coding) {
        for (int i = 1; i < coding.length; i++) {
            String parameter = coding[i].strip().toLowerCase(Locale.ROOT);
            if (parameter.startsWith("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2)) <= 0;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return false;
    }

    /**
     * Ends the response with {@code body}: gzipped when it has at least {@link #THRESHOLD_BYTES}
     * and the client accepts gzip, as it is otherwise.
     */
    public static Future<Void> end(HttpServerRequest request, HttpServerResponse response, Buffer body) {
        if (body.length() < THRESHOLD_BYTES || !accepted(request)) {
            return response.end(body);
        }
        return new GzipStream(markGzipped(response)).end(body);
    }

    /**
     * The response as a stream of body chunks, gzipped chunk by chunk when the client accepts
     * gzip; headers other than the encoding are the caller's, and it ends the stream.
     */
    public static WriteStream<Buffer> stream(HttpServerRequest request, HttpServerResponse response) {
        if (!accepted(request)) {
            return response.putHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        }
        return new GzipStream(markGzipped(response));
    }

    private static HttpServerResponse markGzipped(HttpServerResponse response) {
        return response.putHeader(HttpHeaders.CONTENT_ENCODING, "gzip").putHeader(HttpHeaders.VARY,
                HttpHeaders.ACCEPT_ENCODING);
    }
}
