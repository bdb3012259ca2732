package io.tickscope.desktop.model;

import static java.util.Objects.requireNonNull;

import io.tickscope.shared.money.Amount;
import java.time.Instant;

/**
 * The prices a segment paid for one product in one time bucket: after the bucket's first change, the highest,
 * the lowest and after its last change.
 *
 * @param startTime the start of the bucket, inclusive
 * @param endTime the end of the bucket, exclusive
 * @param tickCount how many changes the bucket holds
 */
public record PriceBar(
        Instant startTime, Instant endTime, Amount open, Amount high, Amount low, Amount close, long tickCount) {

    public PriceBar {
        requireNonNull(startTime, "startTime");
        requireNonNull(endTime, "endTime");
        requireNonNull(open, "open");
        requireNonNull(high, "high");
        requireNonNull(low, "low");
        requireNonNull(close, "close");
    }
}
