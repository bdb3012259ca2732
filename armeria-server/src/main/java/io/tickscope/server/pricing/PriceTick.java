package io.tickscope.server.pricing;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One stored price change of one product: what history keeps of a {@link PriceUpdate}.
 *
 * @param price the base price in the listing currency and the sale discount that ran at the change
 * @param saleEndTime when that sale ends; null exactly when no sale ran
 * @param incarnation the price book's incarnation the sequence number belongs to
 */
public record PriceTick(
        String productId,
        Instant eventTime,
        long incarnation,
        long sequenceNumber,
        StoredPrice price,
        @Nullable Instant saleEndTime) {

    public PriceTick {
        requireNonNull(productId, "productId");
        requireNonNull(eventTime, "eventTime");
        requireNonNull(price, "price");
        if ((price.saleDiscountBasisPoints() == 0) != (saleEndTime == null)) {
            throw new IllegalArgumentException("saleEndTime: " + saleEndTime + " (expected: set exactly when "
                    + "the sale discount, " + price.saleDiscountBasisPoints() + " bp, is above 0)");
        }
    }

    /** Returns the tick of {@code change}, with its sale only if the sale ran when the change happened. */
    public static PriceTick of(PriceUpdate change, long incarnation) {
        ProductListing listing = change.listing();
        @Nullable Sale sale = listing.sale();
        @Nullable Sale running = sale != null && sale.isRunningAt(change.eventTime()) ? sale : null;
        return new PriceTick(
                change.productId(),
                change.eventTime(),
                incarnation,
                change.sequenceNumber(),
                new StoredPrice(listing.basePrice(), running == null ? 0 : running.discountBasisPoints()),
                running == null ? null : running.endTime());
    }

    /** Returns the event time in nanoseconds since the epoch, as history stores it. */
    public long eventTimeNanos() {
        return Nanos.of(eventTime);
    }

    /** Returns the listing this tick describes, named {@code name}, as the book held it after the change. */
    ProductListing listing(String name) {
        Instant saleEnd = saleEndTime;
        return new ProductListing(
                productId,
                name,
                price.basePrice(),
                saleEnd == null ? null : new Sale(price.saleDiscountBasisPoints(), saleEnd),
                eventTime);
    }
}
