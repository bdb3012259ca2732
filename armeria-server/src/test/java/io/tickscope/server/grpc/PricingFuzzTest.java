package io.tickscope.server.grpc;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tickscope.api.pricing.v1.CustomerSegment;
import io.tickscope.api.pricing.v1.GetPriceRequest;
import io.tickscope.api.pricing.v1.GetPricesBatchRequest;
import io.tickscope.api.pricing.v1.PublishPricesRequest;
import io.tickscope.api.pricing.v1.WatchPricesRequest;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;

/**
 * Fuzzes every request of {@code PricingService} through parsing, validation and the price book: whatever the
 * bytes, a call answers or fails with INVALID_ARGUMENT, OUT_OF_RANGE or NOT_FOUND.
 */
class PricingFuzzTest {

    /** How many messages a watcher reads before it stops reading and hangs up. */
    private static final int WATCHER_READS = 8;

    private static final List<String> QUOTED_CURRENCIES = List.of("USD", "EUR", "GBP", "JPY");

    private static final InlineServices services = InlineServices.open();

    @AfterAll
    static void closeServices() {
        services.close();
    }

    @FuzzTest
    void getPrice(byte[] input) {
        GetPriceRequest request = FuzzInputs.message(input, GetPriceRequest.parser());
        if (request != null) {
            services.callUnary(request, services.pricing()::getPrice);
        }
    }

    @FuzzTest
    void getPricesBatch(byte[] input) {
        GetPricesBatchRequest request = FuzzInputs.message(input, GetPricesBatchRequest.parser());
        if (request != null) {
            services.callUnary(request, services.pricing()::getPricesBatch);
        }
    }

    @FuzzTest
    void watchPrices(byte[] input) {
        WatchPricesRequest request = FuzzInputs.message(input, WatchPricesRequest.parser());
        if (request != null) {
            services.callServerStreaming(request, services.pricing()::watchPrices, WATCHER_READS);
        }
    }

    /**
     * A feeder's stream of changes; then every product it named is quoted in each currency, as watchers and
     * readers quote the new prices: a price a feeder may set must stay quotable. Segments and sales only lower a
     * quote, so the standard segment's quote stands for them.
     */
    @FuzzTest
    void publishPrices(FuzzedDataProvider input) {
        Set<String> named = new LinkedHashSet<>();
        services.callClientStreaming(services.pricing()::publishPrices, stream -> FuzzInputs.sendStream(
                        input, PublishPricesRequest.parser(), stream)
                .forEach(request -> named.add(request.getProductId())));
        for (String productId : named) {
            if (services.backend().priceBook().contains(productId)) {
                quoteEverywhere(productId);
            }
        }
    }

    private static void quoteEverywhere(String productId) {
        for (String currency : QUOTED_CURRENCIES) {
            InlineCall<?> call = services.callUnary(
                    GetPriceRequest.newBuilder()
                            .setProductId(productId)
                            .setCurrencyCode(currency)
                            .setCustomerSegment(CustomerSegment.CUSTOMER_SEGMENT_STANDARD)
                            .build(),
                    services.pricing()::getPrice);
            if (!call.completed()) {
                throw new AssertionError(
                        "quote of " + productId + " in " + currency + ": failed (expected: a quote, since a"
                                + " feeder set its price)",
                        call.error());
            }
        }
    }
}
