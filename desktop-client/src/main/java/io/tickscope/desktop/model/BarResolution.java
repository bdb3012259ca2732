package io.tickscope.desktop.model;

import java.time.Duration;

/** How long the time bucket of one price bar is; buckets start at whole multiples since the epoch (UTC). */
public enum BarResolution {
    ONE_SECOND(Duration.ofSeconds(1)),
    ONE_MINUTE(Duration.ofMinutes(1)),
    FIVE_MINUTES(Duration.ofMinutes(5)),
    ONE_HOUR(Duration.ofHours(1)),
    ONE_DAY(Duration.ofDays(1));

    private final Duration length;

    BarResolution(Duration length) {
        this.length = length;
    }

    public Duration length() {
        return length;
    }

    /** Returns the start of the bucket holding {@code epochMillis}, in milliseconds since the epoch. */
    public long bucketStartMillis(long epochMillis) {
        long millis = length.toMillis();
        return Math.floorDiv(epochMillis, millis) * millis;
    }
}
