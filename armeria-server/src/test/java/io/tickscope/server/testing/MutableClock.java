package io.tickscope.server.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that stands still until a test moves it. */
public final class MutableClock extends Clock {

    private volatile Instant now;

    /** Starts the clock at {@code start}. */
    public MutableClock(Instant start) {
        now = start;
    }

    /** Moves the clock on by {@code duration}. */
    public void advance(Duration duration) {
        synchronized (this) {
            now = now.plus(duration);
        }
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("zone: " + zone + " (expected: a test clock stays in UTC)");
    }
}
