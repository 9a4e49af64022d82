package io.autogate.gateway.batch;

import io.autogate.gateway.http.ApiException;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/** Batch job ids: random version-4 UUIDs in lower-case text, checked before they name a folder. */
final class JobIds {
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private JobIds() {
    }

    /** A new id drawn from {@code random}; the caller serializes access to it. */
    static String next(RandomGenerator random) {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }

    /** Whether {@code id} has the shape of a job id (so it is safe as a folder name). */
    static boolean valid(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** The id itself, or a 400 when it is not a job id. */
    static String check(String id) {
        if (!valid(id)) {
            String shown = id == null ? "nothing" : "'" + (id.length() > 40 ? id.substring(0, 40) + "..." : id) + "'";
            throw ApiException.badRequest("job id must be a UUID, got " + shown);
        }
        return id;
    }
}
