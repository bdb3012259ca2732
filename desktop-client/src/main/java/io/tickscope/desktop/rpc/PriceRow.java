package io.tickscope.desktop.rpc;

import static java.util.Objects.requireNonNull;

import io.tickscope.shared.money.Amount;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The price of one product, or why there is none.
 *
 * @param productId the product as it was asked for
 * @param productName its display name; empty when there is no quote
 * @param listPrice the price before discounts; null when there is no quote
 * @param segmentPrice what the segment pays, sale included; null when there is no quote
 * @param onSale whether a sale runs
 * @param saleEnd when the running sale ends; null when none runs
 * @param error why the product has no quote ("NOT_FOUND: ..."); null when it has one
 */
public record PriceRow(
        String productId,
        String productName,
        @Nullable Amount listPrice,
        @Nullable Amount segmentPrice,
        boolean onSale,
        @Nullable Instant saleEnd,
        @Nullable String error) {

    public PriceRow {
        requireNonNull(productId, "productId");
        requireNonNull(productName, "productName");
    }

    /** Returns the row of a product that could not be priced because of {@code error}. */
    public static PriceRow failed(String productId, String error) {
        return new PriceRow(productId, "", null, null, false, null, requireNonNull(error, "error"));
    }
}
