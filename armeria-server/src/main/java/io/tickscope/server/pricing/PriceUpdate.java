package io.tickscope.server.pricing;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One product's listing after a change, as the price bus hands it to watchers.
 *
 * @param sequenceNumber the product's update counter: 1 for the state the server started with, one more
 *     with every change; a watcher that sees a gap was sent only the latest of several changes
 * @param eventTime when the change was applied; for a snapshot, when the price last changed
 * @param kind whether the watcher receives this as its starting snapshot of the product or as a change
 */
public record PriceUpdate(ProductListing listing, long sequenceNumber, Instant eventTime, Kind kind) {

    /** Whether an update is a watcher's first sight of a product or a later change to it. */
    public enum Kind {
        /** The product's current state, sent once per product before any change to it. */
        SNAPSHOT,
        /** A change to the product after the watcher's snapshot of it. */
        CHANGE
    }

    public PriceUpdate {
        requireNonNull(listing, "listing");
        requireNonNull(eventTime, "eventTime");
        requireNonNull(kind, "kind");
        if (sequenceNumber < 1) {
            throw new IllegalArgumentException("sequenceNumber: " + sequenceNumber + " (expected: >= 1)");
        }
    }

    /** Returns the id of the product this update is for. */
    public String productId() {
        return listing.productId();
    }

    /** Returns this update as a snapshot: the same state, of kind {@link Kind#SNAPSHOT}. */
    PriceUpdate asSnapshot() {
        return kind == Kind.SNAPSHOT ? this : new PriceUpdate(listing, sequenceNumber, eventTime, Kind.SNAPSHOT);
    }
}
