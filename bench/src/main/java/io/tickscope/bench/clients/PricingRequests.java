package io.tickscope.bench.clients;

import io.tickscope.api.pricing.v1.CustomerSegment;
import io.tickscope.api.pricing.v1.GetPriceRequest;
import io.tickscope.api.pricing.v1.GetPricesBatchRequest;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The requests every client of the harness sends: quotes in euros for the VIP segment, so that every call
 * converts a currency and applies a discount, over a rotation of products of the seeded catalogue.
 */
public final class PricingRequests {

    /** The products the seeded catalogue holds: P00001 to P10000. */
    public static final int CATALOGUE_SIZE = 10_000;

    public static final String CURRENCY_CODE = "EUR";
    public static final CustomerSegment SEGMENT = CustomerSegment.CUSTOMER_SEGMENT_VIP;

    /** The size of the batch the harness compares with single calls: the contract's largest. */
    public static final int BATCH_SIZE = 1_000;

    /** The products unary calls rotate through. */
    static final int ROTATION = 1_000;

    private PricingRequests() {}

    /** Returns the id of the {@code number}th product, 1 to {@link #CATALOGUE_SIZE}: "P00042". */
    public static String productId(int number) {
        if (number < 1 || number > CATALOGUE_SIZE) {
            throw new IllegalArgumentException(
                    "product number: " + number + " (expected: 1 to " + CATALOGUE_SIZE + ')');
        }
        return String.format(Locale.ROOT, "P%05d", number);
    }

    /** Returns the ids of products {@code first} to {@code first + count - 1}. */
    public static List<String> productIds(int first, int count) {
        return IntStream.range(first, first + count)
                .mapToObj(PricingRequests::productId)
                .toList();
    }

    public static GetPriceRequest getPrice(String productId) {
        return GetPriceRequest.newBuilder()
                .setProductId(productId)
                .setCurrencyCode(CURRENCY_CODE)
                .setCustomerSegment(SEGMENT)
                .build();
    }

    public static GetPricesBatchRequest batch(List<String> productIds) {
        return GetPricesBatchRequest.newBuilder()
                .addAllProductIds(productIds)
                .setCurrencyCode(CURRENCY_CODE)
                .setCustomerSegment(SEGMENT)
                .build();
    }

    /** Returns the REST route of GetPrice for {@code productId}: {@code GET /v1/prices/{product_id}}. */
    public static String restPath(String productId) {
        return "/v1/prices/" + productId + "?currency_code=" + CURRENCY_CODE + "&customer_segment=" + SEGMENT.name();
    }
}
