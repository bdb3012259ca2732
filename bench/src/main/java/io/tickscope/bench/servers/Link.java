package io.tickscope.bench.servers;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * A network link between client and server, as {@link ByteCountingProxy} imitates it: a fixed one-way delay and a
 * bandwidth cap, the same in both directions.
 *
 * @param oneWayDelay how long after leaving one end a byte reaches the other, serialization aside
 * @param bitsPerSecond the bandwidth each direction has; 0 for no cap
 */
public record Link(Duration oneWayDelay, long bitsPerSecond) {

    /** Loopback as it is: no delay, no cap. */
    public static final Link DIRECT = new Link(Duration.ZERO, 0);

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    public Link {
        requireNonNull(oneWayDelay, "oneWayDelay");
        if (oneWayDelay.isNegative()) {
            throw new IllegalArgumentException("oneWayDelay: " + oneWayDelay + " (expected: >= 0)");
        }
        if (bitsPerSecond < 0) {
            throw new IllegalArgumentException("bitsPerSecond: " + bitsPerSecond + " (expected: >= 0, 0 for no cap)");
        }
    }

    /** A link of {@code oneWayDelay} each way and {@code megabitsPerSecond} each direction. */
    public static Link of(Duration oneWayDelay, long megabitsPerSecond) {
        return new Link(oneWayDelay, megabitsPerSecond * 1_000_000);
    }

    /** Returns the round trip a byte takes there and back, serialization aside. */
    public Duration roundTrip() {
        return oneWayDelay.multipliedBy(2);
    }

    /** Returns how long {@code bytes} occupy the link: their serialization time at the cap. */
    long transmissionNanos(long bytes) {
        return bitsPerSecond == 0 ? 0 : bytes * Byte.SIZE * NANOS_PER_SECOND / bitsPerSecond;
    }

    /** Returns a label such as "5 ms one way, 100 Mbit/s". */
    public String label() {
        double millis = oneWayDelay.toNanos() / 1e6;
        String delay = (millis == Math.rint(millis) ? String.valueOf((long) millis) : String.valueOf(millis)) + " ms";
        return delay + " one way, " + (bitsPerSecond == 0 ? "no cap" : bitsPerSecond / 1_000_000 + " Mbit/s");
    }
}
