package io.autogate.gateway.http;

import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Request ids: a caller's {@code X-Request-Id} is kept when it is short and plain (letters, digits,
 * '-', '_', '.', ':'), otherwise a new random 128-bit hex id is made. The id is stored in the
 * routing context and sent back on every response.
 */
public final class RequestIds {
    /** The header carrying the id both ways. */
    public static final String HEADER = "X-Request-Id";
    /** The routing-context key of the id. */
    public static final String KEY = "autogate.requestId";

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final byte[] DIGITS = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);

    private RequestIds() {
    }

    /** Assigns the request its id and echoes it in the response headers. */
    public static String assign(RoutingContext ctx) {
        String given = ctx.request().getHeader(HEADER);
        String id = given != null && SAFE.matcher(given).matches() ? given : newId();
        ctx.put(KEY, id);
        ctx.response().putHeader(HEADER, id);
        return id;
    }

    /** The id of a request that went through {@link #assign}. */
    public static String of(RoutingContext ctx) {
        String id = ctx.get(KEY);
        return id != null ? id : assign(ctx);
    }

    /** A fresh random id. */
    public static String newId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        byte[] id = new byte[32];
        hex(r.nextLong(), id, 0);
        hex(r.nextLong(), id, 16);
        return new String(id, StandardCharsets.ISO_8859_1);
    }

    // 16 lowercase hex digits of v, most significant first (one string per id instead of three)
    private static void hex(long v, byte[] out, int at) {
        for (int i = 15; i >= 0; i--) {
            out[at + i] = DIGITS[(int) (v & 0xf)];
            v >>>= 4;
        }
    }
}
