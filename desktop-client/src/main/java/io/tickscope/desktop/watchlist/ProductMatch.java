package io.tickscope.desktop.watchlist;

import static java.util.Objects.requireNonNull;

/** A product found by a search: its id and name. */
public record ProductMatch(String productId, String name) {

    public ProductMatch {
        requireNonNull(productId, "productId");
        requireNonNull(name, "name");
    }
}
