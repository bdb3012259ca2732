package io.tickscope.server.pricing;

import java.time.Duration;

/** How long the bucket of one bar is. Buckets start at whole multiples of it since the epoch (UTC days). */
public enum BarResolution {
    ONE_SECOND(Duration.ofSeconds(1)),
    ONE_MINUTE(Duration.ofMinutes(1)),
    FIVE_MINUTES(Duration.ofMinutes(5)),
    ONE_HOUR(Duration.ofHours(1)),
    ONE_DAY(Duration.ofDays(1));

    private final long nanos;

    BarResolution(Duration length) {
        this.nanos = length.toNanos();
    }

    /** Returns the length of a bucket in nanoseconds. */
    public long nanos() {
        return nanos;
    }

    /** Returns the start of the bucket that holds {@code timeNanos}. */
    public long bucketStart(long timeNanos) {
        return Math.floorDiv(timeNanos, nanos) * nanos;
    }
}
