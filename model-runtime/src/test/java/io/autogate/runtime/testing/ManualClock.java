package io.autogate.runtime.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock tests move by hand, in UTC; safe to read and advance from any thread. */
public final class ManualClock extends Clock {
    private final AtomicLong millis;

    /** A clock at the given epoch milliseconds. */
    public ManualClock(long startMillis) {
        this.millis = new AtomicLong(startMillis);
    }

    /** A clock at the given instant (millisecond precision). */
    public ManualClock(Instant start) {
        this(start.toEpochMilli());
    }

    /** Moves the clock forward by milliseconds. */
    public void advance(long deltaMillis) {
        millis.addAndGet(deltaMillis);
    }

    /** Moves the clock forward. */
    public void advance(Duration delta) {
        advance(delta.toMillis());
    }

    @Override
    public long millis() {
        return millis.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
