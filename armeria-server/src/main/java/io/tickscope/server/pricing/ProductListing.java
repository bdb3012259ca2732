package io.tickscope.server.pricing;

import static java.util.Objects.requireNonNull;

import io.tickscope.shared.money.Amount;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the shop lists for one product: its name, its base price in its listing currency, the sale on it if
 * any, and when its price last changed.
 */
public record ProductListing(String productId, String name, Amount basePrice, @Nullable Sale sale, Instant updateTime) {

    public ProductListing {
        requireNonNull(productId, "productId");
        requireNonNull(name, "name");
        requireNonNull(basePrice, "basePrice");
        requireNonNull(updateTime, "updateTime");
        if (!basePrice.isPositive()) {
            throw new IllegalArgumentException("basePrice: " + basePrice + " (expected: > 0)");
        }
    }
}
