package io.tickscope.desktop.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One update of a price watch.
 *
 * @param snapshot true for the price sent when the watch (re)starts, false for a live change
 * @param sequenceNumber the product's update counter; a gap means the server conflated changes
 * @param eventTime when the server applied the change, or for a snapshot when the price last changed
 */
public record PriceTick(Quote quote, boolean snapshot, long sequenceNumber, Instant eventTime) {

    public PriceTick {
        requireNonNull(quote, "quote");
        requireNonNull(eventTime, "eventTime");
    }

    public String productId() {
        return quote.productId();
    }
}
