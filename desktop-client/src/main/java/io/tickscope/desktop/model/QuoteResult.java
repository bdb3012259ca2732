package io.tickscope.desktop.model;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of looking up one product's price, however it was looked up: its quote, or why there is none.
 *
 * @param productId the product as it was asked for
 * @param error a readable reason, such as "NOT_FOUND: product_id: ..."; null when there is a quote
 */
public record QuoteResult(String productId, @Nullable Quote quote, @Nullable String error) {

    public QuoteResult {
        requireNonNull(productId, "productId");
        if ((quote == null) == (error == null)) {
            throw new IllegalArgumentException(
                    "result for " + productId + ": quote " + quote + ", error " + error + " (expected: exactly one)");
        }
    }

    /** Returns the result of a product that was priced. */
    public static QuoteResult of(Quote quote) {
        return new QuoteResult(quote.productId(), quote, null);
    }

    /** Returns the result of a product that could not be priced because of {@code error}. */
    public static QuoteResult failed(String productId, String error) {
        return new QuoteResult(productId, null, requireNonNull(error, "error"));
    }
}
