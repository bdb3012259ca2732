package io.tickscope.shared.time;

import java.time.Duration;

/**
 * How long the time bucket of one price bar is. Buckets start at whole multiples of it since the epoch (UTC), so
 * the server that stores bars and the client that carries them on with live prices cut time the same way.
 */
public enum BarResolution {
    ONE_SECOND(Duration.ofSeconds(1)),
    ONE_MINUTE(Duration.ofMinutes(1)),
    FIVE_MINUTES(Duration.ofMinutes(5)),
    ONE_HOUR(Duration.ofHours(1)),
    ONE_DAY(Duration.ofDays(1));

    private final Duration length;
    private final long nanos;

    BarResolution(Duration length) {
        this.length = length;
        this.nanos = length.toNanos();
    }

    public Duration length() {
        return length;
    }

    /** Returns the length of a bucket in nanoseconds. */
    public long nanos() {
        return nanos;
    }

    /** Returns the start of the bucket that holds {@code timeNanos}, in nanoseconds since the epoch. */
    public long bucketStart(long timeNanos) {
        return Math.floorDiv(timeNanos, nanos) * nanos;
    }

    /** Returns the start of the bucket holding {@code epochMillis}, in milliseconds since the epoch. */
    public long bucketStartMillis(long epochMillis) {
        long millis = length.toMillis();
        return Math.floorDiv(epochMillis, millis) * millis;
    }
}
