package io.tickscope.desktop.model;

import static java.util.Objects.requireNonNull;

import io.tickscope.shared.money.Amount;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The price of one product for one currency and segment at one moment.
 *
 * @param basePrice the list price before any discount
 * @param segmentPrice what the segment pays: the base price less the segment's and any running sale's discount
 * @param saleEndTime when the running sale ends; null when the product is not on sale
 * @param updateTime when the product's price last changed on the server
 */
public record Quote(
        String productId,
        String productName,
        Amount basePrice,
        Amount segmentPrice,
        @Nullable Instant saleEndTime,
        Instant updateTime) {

    public Quote {
        requireNonNull(productId, "productId");
        requireNonNull(productName, "productName");
        requireNonNull(basePrice, "basePrice");
        requireNonNull(segmentPrice, "segmentPrice");
        requireNonNull(updateTime, "updateTime");
    }

    /** Returns whether a sale runs on the product at the time of the quote. */
    public boolean onSale() {
        return saleEndTime != null;
    }
}
