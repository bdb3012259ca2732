package io.tickscope.server.pricing;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** A sale on one product: a discount for everyone until {@code endTime}. */
public record Sale(int discountBasisPoints, Instant endTime) {

    public Sale {
        requireNonNull(endTime, "endTime");
        if (discountBasisPoints < 1 || discountBasisPoints > 9_000) {
            throw new IllegalArgumentException(
                    "discountBasisPoints: " + discountBasisPoints + " (expected: 1 to 9000)");
        }
    }

    /** Returns whether the sale still runs at {@code now}. */
    public boolean isRunningAt(Instant now) {
        return now.isBefore(endTime);
    }
}
