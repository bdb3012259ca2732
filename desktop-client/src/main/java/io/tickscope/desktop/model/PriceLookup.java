package io.tickscope.desktop.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The products to price, all in one currency for one segment.
 *
 * @param productIds between 1 and {@link #MAX_PRODUCTS} product ids, duplicates allowed
 * @param currencyCode an ISO 4217 code such as "EUR"; the server says whether it quotes in it
 * @param segment the customer segment to quote for
 */
public record PriceLookup(List<String> productIds, String currencyCode, Segment segment) {

    /** The most products one GetPricesBatch call takes. */
    public static final int MAX_PRODUCTS = 1_000;

    public PriceLookup {
        productIds = List.copyOf(productIds);
        requireNonNull(currencyCode, "currencyCode");
        requireNonNull(segment, "segment");
        if (productIds.isEmpty() || productIds.size() > MAX_PRODUCTS) {
            throw new IllegalArgumentException(
                    "products: " + productIds.size() + " (expected: 1 to " + MAX_PRODUCTS + " per lookup)");
        }
    }
}
