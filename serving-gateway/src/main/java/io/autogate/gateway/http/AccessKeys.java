package io.autogate.gateway.http;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.SecurityPolicyHandler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Checks access keys. Admin routes need {@code AUTOGATE_ADMIN_KEY} (as {@code Authorization: Bearer
 * <key>} or {@code X-Admin-Key}); without a configured key they are disabled (403). Predict routes
 * need {@code AUTOGATE_PREDICT_KEY} (bearer or {@code X-Api-Key}) only when one is configured; the
 * admin key is accepted there too. Keys are compared in constant time. The checks are Vert.x
 * security-policy handlers, so they run before a body is read.
 */
public final class AccessKeys {
    private final byte[] adminKey;
    private final byte[] predictKey;

    /** Keys as configured; {@code null} means none. */
    public AccessKeys(String adminKey, String predictKey) {
        this.adminKey = adminKey == null ? null : adminKey.getBytes(StandardCharsets.UTF_8);
        this.predictKey = predictKey == null ? null : predictKey.getBytes(StandardCharsets.UTF_8);
    }

    /** A handler that lets a request on only with the admin key. */
    public SecurityPolicyHandler admin() {
        return ctx -> {
            if (adminKey == null) {
                throw new ApiException(403, "admin_disabled",
                        "admin routes are disabled: start the gateway with AUTOGATE_ADMIN_KEY set");
            }
            check(presented(ctx, "X-Admin-Key"), adminKey, "admin");
            ctx.next();
        };
    }

    /** A handler that lets a request on when predict is open or it carries the predict (or admin) key. */
    public SecurityPolicyHandler predict() {
        return ctx -> {
            if (predictKey != null) {
                String key = presented(ctx, "X-Api-Key");
                if (!(adminKey != null && key != null && matches(key, adminKey))) {
                    check(key, predictKey, "predict");
                }
            }
            ctx.next();
        };
    }

    private static void check(String presented, byte[] expected, String what) {
        if (presented == null) {
            throw new ApiException(401, "unauthorized", "this route needs the " + what
                    + " key: send 'Authorization: Bearer <key>'");
        }
        if (!matches(presented, expected)) {
            throw new ApiException(403, "forbidden", "the " + what + " key is not valid");
        }
    }

    private static boolean matches(String presented, byte[] expected) {
        return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), expected);
    }

    private static String presented(RoutingContext ctx, String header) {
        String auth = ctx.request().getHeader("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return auth.substring(7).strip();
        }
        return ctx.request().getHeader(header);
    }
}
