package io.tickscope.server.pricing;

import static java.util.Objects.requireNonNull;

import io.tickscope.shared.money.Amount;
import java.time.Instant;
import java.util.Currency;
import org.jspecify.annotations.Nullable;

/**
 * The price of one product for one currency and customer segment at one moment.
 *
 * @param basePrice the list price before any discount, in the quoted currency
 * @param discountedPrice what the segment pays: the base price less the segment discount and, while a sale
 *     runs, the sale discount
 * @param onSale whether a sale on the product runs at the time of the quote
 * @param saleEndTime when the running sale ends; {@code null} exactly when the product is not on sale
 * @param updateTime when the product's price last changed
 * @param listingCurrency the currency the product is listed in, which price publishers must use
 */
public record Quote(
        String productId,
        String productName,
        Segment segment,
        Amount basePrice,
        Amount discountedPrice,
        boolean onSale,
        @Nullable Instant saleEndTime,
        Instant updateTime,
        Currency listingCurrency) {

    public Quote {
        requireNonNull(productId, "productId");
        requireNonNull(productName, "productName");
        requireNonNull(segment, "segment");
        requireNonNull(basePrice, "basePrice");
        requireNonNull(discountedPrice, "discountedPrice");
        requireNonNull(updateTime, "updateTime");
        requireNonNull(listingCurrency, "listingCurrency");
        if (!discountedPrice.currency().equals(basePrice.currency())) {
            throw new IllegalArgumentException("discountedPrice: " + discountedPrice + " (expected: in "
                    + basePrice.currency() + ", the currency of the base price)");
        }
        if (onSale != (saleEndTime != null)) {
            throw new IllegalArgumentException("saleEndTime: " + saleEndTime + " (expected: "
                    + (onSale ? "set" : "null") + " when onSale is " + onSale + ')');
        }
    }
}
