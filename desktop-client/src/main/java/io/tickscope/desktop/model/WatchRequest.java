package io.tickscope.desktop.model;

import static java.util.Objects.requireNonNull;

import java.util.Currency;
import java.util.List;

/**
 * What one price watch covers: a set of products, quoted in one currency for one segment.
 *
 * @param productIds the products, between 1 and {@value #MAX_PRODUCTS}; the contract reads an empty list as
 *     "the whole catalogue", which a watchlist never means
 */
public record WatchRequest(List<String> productIds, Currency currency, Segment segment) {

    /** The most products one watch covers, as the server allows. */
    public static final int MAX_PRODUCTS = 10_000;

    public WatchRequest {
        productIds = List.copyOf(productIds);
        requireNonNull(currency, "currency");
        requireNonNull(segment, "segment");
        if (productIds.isEmpty() || productIds.size() > MAX_PRODUCTS) {
            throw new IllegalArgumentException(
                    "productIds: " + productIds.size() + " ids (expected: 1 to " + MAX_PRODUCTS + ")");
        }
    }
}
