package io.autogate.gateway.http;

import java.time.Instant;

/**
 * Writes instants exactly as {@link Instant#toString()} does (ISO-8601 in UTC, the fraction in 3,
 * 6 or 9 digits as needed), but formats the date and time of day only when the second changes: the
 * access log writes tens of thousands of instants a second, nearly all in the same second as the
 * one before. Not thread-safe: one per writer thread.
 */
final class InstantText {
    private long second = Long.MIN_VALUE;
    private String dateAndTime = "";

    /** Appends {@code t} as {@link Instant#toString()} would write it. */
    void append(Instant t, StringBuilder out) {
        if (t.getEpochSecond() != second) {
            String whole = Instant.ofEpochSecond(t.getEpochSecond()).toString();
            dateAndTime = whole.substring(0, whole.length() - 1); // without the 'Z'
            second = t.getEpochSecond();
        }
        out.append(dateAndTime);
        int nano = t.getNano();
        if (nano > 0) {
            out.append('.');
            if (nano % 1_000_000 == 0) {
                appendPadded(out, nano / 1_000_000, 3);
            } else if (nano % 1000 == 0) {
                appendPadded(out, nano / 1000, 6);
            } else {
                appendPadded(out, nano, 9);
            }
        }
        out.append('Z');
    }

    private static void appendPadded(StringBuilder out, int value, int digits) {
        for (int limit = 10, d = 1; d < digits; d++, limit *= 10) {
            if (value < limit) {
                out.append('0');
            }
        }
        out.append(value);
    }
}
