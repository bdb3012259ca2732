package io.tickscope.desktop.rpc;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before the next attempt after consecutive failures: exponential from {@code initial},
 * capped at {@code max}, with ±20 % jitter so that many clients do not return to a restarted server at once.
 */
final class Backoff {

    private static final double MULTIPLIER = 2;
    private static final double JITTER = 0.2;

    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier random;

    /** {@code random} returns values in [0, 1). */
    Backoff(Duration initial, Duration max, DoubleSupplier random) {
        this.initial = requireNonNull(initial, "initial");
        this.max = requireNonNull(max, "max");
        this.random = requireNonNull(random, "random");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException(
                    "backoff: " + initial + " to " + max + " (expected: 0 < initial <= max)");
        }
    }

    /** Returns the delay after the {@code failures}-th failure in a row (1 for the first). */
    Duration delayAfter(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures: " + failures + " (expected: >= 1)");
        }
        double nanos = Math.min(max.toNanos(), initial.toNanos() * Math.pow(MULTIPLIER, Math.min(failures - 1, 62)));
        double jittered = nanos * (1 - JITTER + 2 * JITTER * random.getAsDouble());
        return Duration.ofNanos((long) jittered);
    }
}
