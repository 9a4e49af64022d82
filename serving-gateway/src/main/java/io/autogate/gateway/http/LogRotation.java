package io.autogate.gateway.http;

/**
 * How a log file is kept bounded: once it has grown past {@code maxBytes} it is renamed to
 * {@code NAME.1} (older ones shift to {@code NAME.2} ...) and a new file is started; at most
 * {@code keep} renamed files stay, the oldest is deleted. Disk use is then about
 * {@code (keep + 1) * maxBytes}.
 *
 * @param maxBytes the size past which the file is rotated, at least 1
 * @param keep how many rotated files to keep, 0 or more
 */
public record LogRotation(long maxBytes, int keep) {
    /** Checks the bounds. */
    public LogRotation {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("the log's maximum size must be at least 1 byte, got " + maxBytes);
        }
        if (keep < 0) {
            throw new IllegalArgumentException("the number of rotated logs to keep must be 0 or more, got " + keep);
        }
    }
}
