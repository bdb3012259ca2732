package io.tickscope.server.grpc;

import static io.tickscope.server.grpc.StatusAssertions.failsWith;
import static io.tickscope.server.grpc.StatusAssertions.fieldViolations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.rpc.BadRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.tickscope.api.pricing.v1.PriceUpdateKind;
import io.tickscope.api.pricing.v1.PricingServiceGrpc.PricingServiceBlockingStub;
import io.tickscope.api.pricing.v1.PricingServiceGrpc.PricingServiceStub;
import io.tickscope.api.pricing.v1.WatchPriceBatchesRequest;
import io.tickscope.api.pricing.v1.WatchPriceBatchesResponse;
import io.tickscope.api.pricing.v1.WatchPricesRequest;
import io.tickscope.api.pricing.v1.WatchPricesResponse;
import io.tickscope.server.testing.RecordingObserver;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * WatchPriceBatches against a market that moves 20,000 prices a second: the updates are those WatchPrices
 * sends, in its order and with its rules, several to a message.
 */
class PriceBatchesTest {

    private static final int CATALOGUE = 10_000;

    @RegisterExtension
    static final TickscopeTestServer server = new TickscopeTestServer(20_000);

    private final PricingServiceBlockingStub pricing = server.stub(PricingServiceBlockingStub.class);
    private final PricingServiceStub pricingAsync = server.stub(PricingServiceStub.class);

    @Test
    void theWholeCatalogueComesAsSnapshotsThenChangesManyToAMessage() {
        RecordingObserver<WatchPriceBatchesResponse> watch = new RecordingObserver<>();
        pricingAsync.watchPriceBatches(
                WatchPriceBatchesRequest.newBuilder()
                        .setWatch(WatchPricesRequest.newBuilder().setCurrencyCode("EUR"))
                        .build(),
                watch);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> updates(watch.values()).size() >= 3 * CATALOGUE);
        watch.cancel();
        List<WatchPriceBatchesResponse> messages = List.copyOf(watch.values());
        List<WatchPricesResponse> updates = updates(messages);

        Map<String, Long> lastSequence = new HashMap<>();
        for (WatchPricesResponse update : updates) {
            String product = update.getQuote().getProductId();
            Long before = lastSequence.put(product, update.getSequenceNumber());
            assertThat(update.getKind())
                    .as("update of %s after sequence number %s", product, before)
                    .isEqualTo(
                            before == null
                                    ? PriceUpdateKind.PRICE_UPDATE_KIND_SNAPSHOT
                                    : PriceUpdateKind.PRICE_UPDATE_KIND_CHANGE);
            if (before != null) {
                assertThat(update.getSequenceNumber())
                        .as("%s: no change twice, none out of order", product)
                        .isGreaterThan(before);
            }
            assertThat(update.getQuote().getDiscountedPrice().getCurrencyCode()).isEqualTo("EUR");
        }
        assertThat(lastSequence).hasSize(CATALOGUE);
        assertThat(messages).allSatisfy(message -> assertThat(message.getUpdatesCount())
                .isBetween(1, UpdateBatches.MAX_UPDATES_PER_MESSAGE));
        assertThat((double) updates.size() / messages.size())
                .as("updates per message, over %d messages", messages.size())
                .isGreaterThan(20);
    }

    @Test
    void aBadWatchIsRefusedNamingTheFieldsInsideTheRequest() {
        StatusRuntimeException failure = failsWith(
                Status.Code.INVALID_ARGUMENT, () -> pricing.watchPriceBatches(WatchPriceBatchesRequest.newBuilder()
                                .setWatch(WatchPricesRequest.newBuilder()
                                        .setCurrencyCode("euro")
                                        .setCustomerSegmentValue(99))
                                .build())
                        .hasNext());

        assertThat(fieldViolations(failure))
                .extracting(BadRequest.FieldViolation::getField)
                .containsExactly("watch.currency_code", "watch.customer_segment");
        assertThat(failure.getStatus().getDescription()).contains("euro").doesNotContain("\tat ");
    }

    @Test
    void anUnknownProductIsNotFoundAsForWatchPrices() {
        StatusRuntimeException failure =
                failsWith(Status.Code.NOT_FOUND, () -> pricing.watchPriceBatches(WatchPriceBatchesRequest.newBuilder()
                                .setWatch(WatchPricesRequest.newBuilder().addProductIds("P77777"))
                                .build())
                        .hasNext());

        assertThat(failure.getStatus().getDescription()).isEqualTo("product not found: \"P77777\"");
    }

    private static List<WatchPricesResponse> updates(List<WatchPriceBatchesResponse> messages) {
        return List.copyOf(messages).stream()
                .flatMap(message -> message.getUpdatesList().stream())
                .toList();
    }
}
