package io.autogate.engine.ingest;

import io.autogate.runtime.schema.Row;

/**
 * A fast path for {@link Row#isMissing}: a value longer than the longest missing token with no
 * surrounding whitespace cannot be one, so most values skip the strip, lower-casing and set lookup.
 * The answer is always the same as {@code Row.isMissing}.
 */
final class MissingValues {
    /** Longest missing token ("null", "none"). */
    private static final int LONGEST_TOKEN = 4;

    private MissingValues() {
    }

    static boolean isMissing(String raw) {
        if (raw != null) {
            int n = raw.length();
            if (n > LONGEST_TOKEN && !Character.isWhitespace(raw.charAt(0))
                    && !Character.isWhitespace(raw.charAt(n - 1))) {
                return false;
            }
        }
        return Row.isMissing(raw);
    }
}
