package io.tickscope.desktop.rpc;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * The outcome for one product of a batch: its quote, or why there is none.
 *
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
}
