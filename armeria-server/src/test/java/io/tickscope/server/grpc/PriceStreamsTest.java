package io.tickscope.server.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.Timestamp;
import io.tickscope.api.pricing.v1.GetPriceRequest;
import io.tickscope.api.pricing.v1.PriceQuote;
import io.tickscope.api.pricing.v1.PriceUpdateKind;
import io.tickscope.api.pricing.v1.PricingServiceGrpc.PricingServiceBlockingStub;
import io.tickscope.api.pricing.v1.PricingServiceGrpc.PricingServiceStub;
import io.tickscope.api.pricing.v1.PublishPricesRequest;
import io.tickscope.api.pricing.v1.PublishPricesResponse;
import io.tickscope.api.pricing.v1.PublishRejection;
import io.tickscope.api.pricing.v1.WatchPricesRequest;
import io.tickscope.api.pricing.v1.WatchPricesResponse;
import io.tickscope.server.testing.RecordingObserver;
import io.tickscope.server.testing.ResponseFuture;
import io.tickscope.shared.money.Amount;
import io.tickscope.shared.money.MoneyProtos;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** WatchPrices and PublishPrices end to end; the market is still, so every change comes from a feeder. */
class PriceStreamsTest {

    @RegisterExtension
    static final TickscopeTestServer server = new TickscopeTestServer(0);

    private final PricingServiceBlockingStub pricing = server.stub(PricingServiceBlockingStub.class);
    private final PricingServiceStub pricingAsync = server.stub(PricingServiceStub.class);

    @Test
    void watchSendsTheCurrentPricesFirstThenEveryChange() throws Exception {
        RecordingObserver<WatchPricesResponse> watch = new RecordingObserver<>();
        pricingAsync.watchPrices(
                WatchPricesRequest.newBuilder()
                        .addProductIds("P00011")
                        .addProductIds("P00012")
                        .setCurrencyCode("USD")
                        .build(),
                watch);
        await().until(() -> watch.values().size() == 2);
        assertThat(watch.values()).allMatch(update -> update.getKind() == PriceUpdateKind.PRICE_UPDATE_KIND_SNAPSHOT);
        WatchPricesResponse snapshot = watch.values().stream()
                .filter(update -> update.getQuote().getProductId().equals("P00012"))
                .findFirst()
                .orElseThrow();

        Amount newPrice = raisedByOneMinorUnit(snapshot.getQuote());
        PublishPricesResponse summary = publish(List.of(PublishPricesRequest.newBuilder()
                .setProductId("P00012")
                .setBasePrice(MoneyProtos.toProto(newPrice))
                .build()));

        assertThat(summary.getAcceptedCount()).isEqualTo(1);
        await().until(() -> watch.values().size() == 3);
        WatchPricesResponse change = watch.values().get(2);
        assertThat(change.getKind()).isEqualTo(PriceUpdateKind.PRICE_UPDATE_KIND_CHANGE);
        assertThat(change.getQuote().getProductId()).isEqualTo("P00012");
        assertThat(change.getSequenceNumber()).isEqualTo(snapshot.getSequenceNumber() + 1);
        assertThat(toInstant(change.getEventTime())).isAfter(toInstant(snapshot.getEventTime()));
        assertThat(watch.values().subList(0, 2))
                .extracting(WatchPricesResponse::getServerIncarnation)
                .containsOnly(server.backend().priceBook().incarnation())
                .doesNotContain(0L);
        assertThat(change.getServerIncarnation())
                .as("changes leave it to their snapshot")
                .isZero();
        watch.cancel();
    }

    @Test
    void watchingEverythingStartsWithTheWholeCatalogue() {
        RecordingObserver<WatchPricesResponse> watch = new RecordingObserver<>();
        pricingAsync.watchPrices(WatchPricesRequest.getDefaultInstance(), watch);

        await().atMost(Duration.ofSeconds(20)).until(() -> watch.values().size() >= 10_000);
        assertThat(watch.values().stream()
                        .map(update -> update.getQuote().getProductId())
                        .distinct())
                .hasSize(10_000);
        watch.cancel();
    }

    @Test
    void watchOfUnknownProductIsNotFound() throws Exception {
        RecordingObserver<WatchPricesResponse> watch = new RecordingObserver<>();
        pricingAsync.watchPrices(
                WatchPricesRequest.newBuilder().addProductIds("P77777").build(), watch);

        assertThat(watch.error().get(10, TimeUnit.SECONDS).getMessage())
                .isEqualTo("NOT_FOUND: product not found: \"P77777\"");
    }

    @Test
    void publishedPricesGoLiveAndBadChangesAreRejectedWithReasons() throws Exception {
        PriceQuote before = listingQuote("P00021");
        Amount newPrice = raisedByOneMinorUnit(before);
        String otherCurrency = before.getListingCurrencyCode().equals("USD") ? "EUR" : "USD";

        PublishPricesResponse summary = publish(List.of(
                PublishPricesRequest.newBuilder()
                        .setProductId("P00021")
                        .setBasePrice(MoneyProtos.toProto(newPrice))
                        .build(),
                PublishPricesRequest.newBuilder()
                        .setProductId("P00021")
                        .setBasePrice(PricingServiceTestMoney.of(otherCurrency, 10))
                        .build(),
                PublishPricesRequest.newBuilder()
                        .setProductId("P55555")
                        .setBasePrice(MoneyProtos.toProto(newPrice))
                        .build(),
                PublishPricesRequest.newBuilder().setProductId("P00021").build()));

        assertThat(summary.getAcceptedCount()).isEqualTo(1);
        assertThat(summary.getRejectedCount()).isEqualTo(3);
        assertThat(summary.getRejectionsList())
                .extracting(PublishRejection::getIndex)
                .containsExactly(1L, 2L, 3L);
        assertThat(summary.getRejections(0).getReason())
                .contains(otherCurrency)
                .contains(before.getListingCurrencyCode());
        assertThat(summary.getRejections(1).getReason()).isEqualTo("product not found: \"P55555\"");
        assertThat(summary.getRejections(2).getReason()).startsWith("base_price: not set");
        assertThat(MoneyProtos.fromProto(listingQuote("P00021").getBasePrice())).isEqualTo(newPrice);
    }

    private PriceQuote listingQuote(String productId) {
        PriceQuote usd = pricing.getPrice(
                        GetPriceRequest.newBuilder().setProductId(productId).build())
                .getQuote();
        return pricing.getPrice(GetPriceRequest.newBuilder()
                        .setProductId(productId)
                        .setCurrencyCode(usd.getListingCurrencyCode())
                        .build())
                .getQuote();
    }

    private PublishPricesResponse publish(List<PublishPricesRequest> changes) throws Exception {
        return ResponseFuture.sendAll(pricingAsync::publishPrices, changes);
    }

    private Amount raisedByOneMinorUnit(PriceQuote quote) {
        PriceQuote listed = quote.getBasePrice().getCurrencyCode().equals(quote.getListingCurrencyCode())
                ? quote
                : listingQuote(quote.getProductId());
        Amount base = MoneyProtos.fromProto(listed.getBasePrice());
        return new Amount(base.currency(), base.minorUnits() + 1);
    }

    private static Instant toInstant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }
}
