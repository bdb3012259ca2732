package io.tickscope.server.pricing;

import java.time.Instant;

/** Instants as history stores them: whole nanoseconds since the epoch, exact until the year 2262. */
public final class Nanos {

    /** Nanoseconds in a second. */
    public static final long PER_SECOND = 1_000_000_000L;

    private Nanos() {}

    /** Returns {@code instant} in nanoseconds since the epoch. */
    public static long of(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), PER_SECOND), instant.getNano());
    }

    /** Returns the instant {@code nanos} nanoseconds after the epoch. */
    public static Instant toInstant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, PER_SECOND), Math.floorMod(nanos, PER_SECOND));
    }
}
