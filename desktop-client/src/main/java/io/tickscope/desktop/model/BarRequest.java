package io.tickscope.desktop.model;

import static java.util.Objects.requireNonNull;

import io.tickscope.shared.time.BarResolution;
import java.time.Instant;
import java.util.Currency;

/**
 * Which bars to look up: one product's bars of {@code resolution} from {@code startTime} up to now, quoted in
 * {@code currency} for {@code segment}.
 */
public record BarRequest(
        String productId, BarResolution resolution, Instant startTime, Currency currency, Segment segment) {

    public BarRequest {
        requireNonNull(productId, "productId");
        requireNonNull(resolution, "resolution");
        requireNonNull(startTime, "startTime");
        requireNonNull(currency, "currency");
        requireNonNull(segment, "segment");
    }
}
