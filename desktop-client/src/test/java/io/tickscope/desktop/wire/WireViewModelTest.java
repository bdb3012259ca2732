package io.tickscope.desktop.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.ManagedChannel;
import io.tickscope.desktop.model.Category;
import io.tickscope.desktop.model.LookupResult;
import io.tickscope.desktop.model.LookupWay;
import io.tickscope.desktop.model.PriceLookup;
import io.tickscope.desktop.model.RecommendationsUpdate;
import io.tickscope.desktop.model.Segment;
import io.tickscope.desktop.rpc.LiveSession;
import io.tickscope.desktop.rpc.SessionListener;
import io.tickscope.desktop.rpc.wire.CallKind;
import io.tickscope.desktop.rpc.wire.MessageTypeStats;
import io.tickscope.desktop.rpc.wire.WireMeter;
import io.tickscope.desktop.rpc.wire.WireMeteringInterceptor;
import io.tickscope.desktop.testing.SharedServer;
import io.tickscope.desktop.testing.TestUiThread;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WireViewModelTest {

    private static final PriceLookup THREE_PRODUCTS =
            new PriceLookup(List.of("P00001", "P00002", "P00003"), "GBP", Segment.WHOLESALE);

    @RegisterExtension
    static final SharedServer server = new SharedServer();

    private final WireMeter meter = new WireMeter();
    private final ManagedChannel channel = server.openChannel(new WireMeteringInterceptor(meter));
    private final TestUiThread ui = new TestUiThread();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final WireViewModel model = new WireViewModel(meter, ui.uiThread(), scheduler);

    @AfterEach
    void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        scheduler.shutdownNow();
        ui.close();
    }

    @Test
    void countsEveryCallWithItsMessagesBytesAndLatency() {
        LookupResult sequential = SharedServer.pricingClient(channel, scheduler)
                .lookUp(THREE_PRODUCTS, LookupWay.UNARY_SEQUENTIAL)
                .join();

        // The client's future completes on the last response; the call's close is recorded just after it.
        await().untilAsserted(() -> {
            model.refresh();
            assertThat(methodRow("PricingService/GetPrice").stats().callsActive())
                    .isZero();
        });

        MethodRow getPrice = methodRow("PricingService/GetPrice");
        assertThat(getPrice.stats().kind()).isEqualTo(CallKind.UNARY);
        assertThat(getPrice.stats().callsStarted()).isEqualTo(3);
        assertThat(getPrice.stats().callsActive()).isZero();
        assertThat(getPrice.stats().callsFailed()).isZero();
        assertThat(getPrice.stats().messagesOut()).isEqualTo(3);
        assertThat(getPrice.stats().messagesIn()).isEqualTo(3);
        // The interceptor and the client count the same messages independently.
        assertThat(getPrice.stats().bytesOut() + getPrice.stats().bytesIn()).isEqualTo(sequential.bytes());
        assertThat(getPrice.stats().latency().count()).isEqualTo(3);
        assertThat(getPrice.stats().latency().p50Micros()).isPositive();
        assertThat(getPrice.stats().latency().p99Micros())
                .isGreaterThanOrEqualTo(getPrice.stats().latency().p50Micros());
    }

    @Test
    void putsEachMessageTypesProtobufSizeBesideItsJsonSize() {
        SharedServer.pricingClient(channel, scheduler)
                .lookUp(THREE_PRODUCTS, LookupWay.ONE_BATCH)
                .join();

        model.refresh();

        List<MessageTypeStats> types = ui.read(() -> List.copyOf(model.messageTypes()));
        assertThat(types)
                .extracting(MessageTypeStats::typeName)
                .containsExactly(
                        "tickscope.pricing.v1.GetPricesBatchRequest", "tickscope.pricing.v1.GetPricesBatchResponse");
        MessageTypeStats response = types.get(1);
        assertThat(response.messages()).isEqualTo(1);
        assertThat(response.sampledMessages()).isEqualTo(1);
        assertThat(response.sampledProtobufBytes()).isEqualTo(response.protobufBytes());
        // Field names, quoted decimals and ISO timestamps: JSON is far larger than protobuf for a quote.
        assertThat(response.jsonToProtobufRatio()).isGreaterThan(1.5);
    }

    @Test
    void showsAStreamWhileItIsInFlight() {
        AtomicInteger updates = new AtomicInteger();
        AtomicReference<@Nullable String> ended = new AtomicReference<>();
        LiveSession session = SharedServer.recommendationClient(channel, scheduler)
                .openSession("U0001", Category.ALL, 5, new SessionListener() {
                    @Override
                    public void onItem(RecommendationsUpdate item) {
                        updates.incrementAndGet();
                    }

                    @Override
                    public void onInterrupted(String reason) {
                        ended.set("interrupted: " + reason);
                    }

                    @Override
                    public void onEnd(@Nullable String failure) {
                        ended.set(failure == null ? "completed" : failure);
                    }
                });
        await().until(() -> updates.get() == 1);

        model.refresh();

        List<CallRow> calls = ui.read(() -> List.copyOf(model.calls()));
        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(call.method()).isEqualTo("RecommendationService/RecommendationSession");
            assertThat(call.call().kind()).isEqualTo(CallKind.BIDI_STREAMING);
            assertThat(call.call().messagesOut()).isEqualTo(1);
            assertThat(call.call().messagesIn()).isEqualTo(1);
            assertThat(call.latency().count()).isEqualTo(1);
            // The Replica column: the server the stream is on, as the transport reported it.
            assertThat(call.call().replica()).isEqualTo(server.address().target());
        });

        session.close();
        await().until(() -> ended.get() != null);
        model.refresh();

        assertThat(ended.get()).isEqualTo("completed");
        assertThat(ui.read(() -> model.calls().isEmpty())).isTrue();
        assertThat(methodRow("RecommendationService/RecommendationSession")
                        .stats()
                        .callsStarted())
                .isEqualTo(1);
    }

    @Test
    void refreshesOnItsOwnWhileActive() {
        SharedServer.pricingClient(channel, scheduler)
                .lookUp(THREE_PRODUCTS, LookupWay.ONE_BATCH)
                .join();

        ui.run(model::activate);

        // The lookup's future completes with its answer; the call closes just after, so a refresh may still see it.
        await().until(() -> ui.read(() ->
                model.methods().size() == 1 && model.totalsProperty().get().startsWith("Calls in flight: 0.")));
        ui.run(model::deactivate);
    }

    private MethodRow methodRow(String method) {
        return ui.read(() -> model.methods().stream()
                .filter(row -> row.method().equals(method))
                .findFirst()
                .orElseThrow());
    }
}
