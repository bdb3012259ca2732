package io.tickscope.server.grpc;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.linecorp.armeria.client.ClientFactory;
import com.linecorp.armeria.client.grpc.GrpcClients;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.tickscope.api.pricing.v1.PricingServiceGrpc.PricingServiceStub;
import io.tickscope.api.pricing.v1.WatchPricesRequest;
import io.tickscope.api.pricing.v1.WatchPricesResponse;
import io.tickscope.api.recommendation.v1.ListBooksRequest;
import io.tickscope.api.recommendation.v1.ListBooksResponse;
import io.tickscope.api.recommendation.v1.RecommendationServiceGrpc.RecommendationServiceStub;
import io.tickscope.server.testing.RecordingObserver;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Deadlines, cancellation and slow readers stop or bound the server's work; the market runs fast here. */
class CallLifecycleTest {

    @RegisterExtension
    static final TickscopeTestServer server = new TickscopeTestServer(20_000);

    @Test
    void passedDeadlineEndsTheWatchAndItsSubscription() throws Exception {
        RecordingObserver<WatchPricesResponse> watch = new RecordingObserver<>();
        server.stub(PricingServiceStub.class)
                .withDeadlineAfter(500, TimeUnit.MILLISECONDS)
                .watchPrices(
                        WatchPricesRequest.newBuilder().addProductIds("P00001").build(), watch);

        Throwable failure = watch.error().get(10, TimeUnit.SECONDS);

        assertThat(Status.fromThrowable(failure).getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
        await().until(() -> server.backend().priceBus().subscriberCount() == 0);
    }

    @Test
    void cancelledWatchEndsItsSubscription() {
        RecordingObserver<WatchPricesResponse> watch = new RecordingObserver<>();
        server.stub(PricingServiceStub.class).watchPrices(WatchPricesRequest.getDefaultInstance(), watch);
        await().until(() -> !watch.values().isEmpty());
        assertThat(server.backend().priceBus().subscriberCount()).isEqualTo(1);

        watch.cancel();

        await().until(() -> server.backend().priceBus().subscriberCount() == 0);
    }

    @Test
    void cancelledListingStopsStreamingBooks() {
        AtomicInteger received = new AtomicInteger();
        server.stub(RecommendationServiceStub.class)
                .listBooks(
                        ListBooksRequest.getDefaultInstance(),
                        new ClientResponseObserver<ListBooksRequest, ListBooksResponse>() {
                            private @Nullable ClientCallStreamObserver<ListBooksRequest> call;

                            @Override
                            public void beforeStart(ClientCallStreamObserver<ListBooksRequest> requestStream) {
                                call = requestStream;
                            }

                            @Override
                            public void onNext(ListBooksResponse book) {
                                if (received.incrementAndGet() == 10) {
                                    requireNonNull(call, "call").cancel("read enough", null);
                                }
                            }

                            @Override
                            public void onError(Throwable cause) {}

                            @Override
                            public void onCompleted() {}
                        });

        await().until(() -> received.get() >= 10);
        // Flow control keeps the server at most one window ahead of the reader, never at the whole catalogue.
        await().during(Duration.ofMillis(300)).until(() -> received.get() < 2_000);
    }

    @Test
    void stalledWatcherDoesNotSlowAFastOneAndItsBacklogStaysBounded() {
        // A client of its own, as a stalled reader would be: it never reads, so it also holds its connection's window.
        ClientFactory stalledClientFactory = ClientFactory.builder().build();
        PricingServiceStub stalledStub = GrpcClients.builder(server.httpUri())
                .factory(stalledClientFactory)
                .build(PricingServiceStub.class);
        AtomicInteger stalledReceived = new AtomicInteger();
        // Reads one message, then never asks for more: the server must hold its updates, not the market.
        stalledStub.watchPrices(
                WatchPricesRequest.getDefaultInstance(),
                new ClientResponseObserver<WatchPricesRequest, WatchPricesResponse>() {
                    @Override
                    public void beforeStart(ClientCallStreamObserver<WatchPricesRequest> requestStream) {
                        requestStream.disableAutoRequestWithInitial(1);
                    }

                    @Override
                    public void onNext(WatchPricesResponse update) {
                        stalledReceived.incrementAndGet();
                    }

                    @Override
                    public void onError(Throwable cause) {}

                    @Override
                    public void onCompleted() {}
                });
        AtomicLong fastChanges = new AtomicLong();
        AtomicLong worstLagMillis = new AtomicLong();
        RecordingObserver<WatchPricesResponse> fast = new RecordingObserver<>() {
            @Override
            public void onNext(WatchPricesResponse update) {
                if (update.getKindValue()
                        == io.tickscope.api.pricing.v1.PriceUpdateKind.PRICE_UPDATE_KIND_CHANGE_VALUE) {
                    fastChanges.incrementAndGet();
                    long lag = Duration.between(
                                    Instant.ofEpochSecond(
                                            update.getEventTime().getSeconds(),
                                            update.getEventTime().getNanos()),
                                    Instant.now())
                            .toMillis();
                    worstLagMillis.accumulateAndGet(lag, Math::max);
                }
            }
        };
        server.stub(PricingServiceStub.class)
                .watchPrices(
                        WatchPricesRequest.newBuilder()
                                .addProductIds("P00001")
                                .addProductIds("P00002")
                                .build(),
                        fast);
        await().until(() -> server.backend().priceBus().subscriberCount() == 2);

        long before = fastChanges.get();
        await().atMost(Duration.ofSeconds(20)).until(() -> fastChanges.get() >= before + 5);

        assertThat(worstLagMillis.get())
                .as("worst delivery lag of the fast watcher, ms")
                .isLessThan(1_000);
        assertThat(stalledReceived.get()).isLessThan(10_000);
        assertThat(server.backend().priceBus().maxBacklog()).isLessThanOrEqualTo(10_000);
        fast.cancel();
        stalledClientFactory.close();
    }
}
