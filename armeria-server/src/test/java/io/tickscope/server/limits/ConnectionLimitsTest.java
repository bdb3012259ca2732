package io.tickscope.server.limits;

import static io.tickscope.server.limits.MessageLimitsTest.failsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.linecorp.armeria.client.ClientFactory;
import com.linecorp.armeria.client.ConnectionPoolListener;
import com.linecorp.armeria.client.grpc.GrpcClients;
import com.linecorp.armeria.common.SessionProtocol;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import io.netty.util.AttributeMap;
import io.tickscope.api.pricing.v1.GetPriceRequest;
import io.tickscope.api.pricing.v1.PricingServiceGrpc;
import io.tickscope.api.pricing.v1.PricingServiceGrpc.PricingServiceBlockingStub;
import io.tickscope.api.pricing.v1.WatchPricesRequest;
import io.tickscope.api.pricing.v1.WatchPricesResponse;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Connection count and connection age, seen from real clients. */
class ConnectionLimitsTest {

    private static final Duration MAX_AGE = Duration.ofMillis(1_500);
    private static final Duration DRAIN = Duration.ofMillis(200);
    private static final Duration GRACE = Duration.ofSeconds(1);

    @RegisterExtension
    static final LimitedTestServer server = new LimitedTestServer(ServerLimits.defaults().toBuilder()
            .maxConnections(2)
            .maxConnectionAge(MAX_AGE)
            .connectionDrain(DRAIN)
            .connectionAgeGrace(GRACE)
            .build());

    private final List<ClientFactory> factories = new ArrayList<>();

    @AfterEach
    void closeClients() {
        factories.forEach(ClientFactory::close);
    }

    @Test
    void connectionPastTheMaximumIsRefused() {
        PricingServiceBlockingStub first = client(ClientFactory.builder());
        PricingServiceBlockingStub second = client(ClientFactory.builder());
        PricingServiceBlockingStub third = client(ClientFactory.builder());
        getPrice(first);
        getPrice(second);

        failsWith(Status.Code.UNAVAILABLE, () -> getPrice(third));

        getPrice(first);
    }

    @Test
    void oldConnectionIsReplacedWithoutFailingCalls() {
        ConnectionCounter connections = new ConnectionCounter();
        PricingServiceBlockingStub pricing = client(ClientFactory.builder().connectionPoolListener(connections));
        getPrice(pricing);

        await().atMost(MAX_AGE.multipliedBy(5)).untilAsserted(() -> {
            getPrice(pricing);
            assertThat(connections.closed).hasPositiveValue();
        });
        getPrice(pricing);
        assertThat(connections.opened).hasValueGreaterThan(1);
    }

    /** With grpc-java's own client, as the desktop monitor uses. */
    @Test
    void streamThatOutlivesTheGraceEndsWithUnavailableAndItsClientReconnects() throws InterruptedException {
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.httpPort())
                .usePlaintext()
                .build();
        try {
            StreamOutcome watch = new StreamOutcome();
            long start = System.nanoTime();

            // The market stands still: after its snapshot the watch would wait for changes for ever.
            PricingServiceGrpc.newStub(channel)
                    .watchPrices(
                            WatchPricesRequest.newBuilder()
                                    .addProductIds("P00001")
                                    .build(),
                            watch);

            Throwable error = watch.ended.poll(30, TimeUnit.SECONDS);
            Duration lived = Duration.ofNanos(System.nanoTime() - start);
            assertThat(error).isNotNull();
            assertThat(Status.fromThrowable(error).getCode()).isEqualTo(Status.Code.UNAVAILABLE);
            assertThat(watch.messages).hasPositiveValue();
            // The connection opened after the clock started, so it cannot have been cut before age, drain and grace.
            assertThat(lived).isGreaterThanOrEqualTo(MAX_AGE.plus(DRAIN).plus(GRACE));
            getPrice(PricingServiceGrpc.newBlockingStub(channel));
        } finally {
            channel.shutdownNow();
        }
    }

    private PricingServiceBlockingStub client(com.linecorp.armeria.client.ClientFactoryBuilder factory) {
        ClientFactory built = factory.build();
        factories.add(built);
        return GrpcClients.builder(server.httpUri()).factory(built).build(PricingServiceBlockingStub.class);
    }

    private static void getPrice(PricingServiceBlockingStub pricing) {
        pricing.getPrice(GetPriceRequest.newBuilder().setProductId("P00001").build());
    }

    /** Counts a stream's messages and hands over how it ended: its error, or null when it completed. */
    private static final class StreamOutcome implements StreamObserver<WatchPricesResponse> {

        final AtomicInteger messages = new AtomicInteger();
        final BlockingQueue<Throwable> ended = new LinkedBlockingQueue<>();

        @Override
        public void onNext(WatchPricesResponse response) {
            messages.incrementAndGet();
        }

        @Override
        public void onError(Throwable error) {
            ended.add(error);
        }

        @Override
        public void onCompleted() {
            ended.add(new AssertionError("the watch completed; it should have been cut"));
        }
    }

    /** Counts a client factory's connections and acknowledged pings. */
    static final class ConnectionCounter implements ConnectionPoolListener {

        final AtomicInteger opened = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();
        final AtomicInteger pingsAcknowledged = new AtomicInteger();

        @Override
        public void connectionOpen(
                SessionProtocol protocol, InetSocketAddress remote, InetSocketAddress local, AttributeMap attrs) {
            opened.incrementAndGet();
        }

        // Armeria 1.36 still declares this variant abstract while deprecating it for one that adds a reason.
        @SuppressWarnings("deprecation")
        @Override
        public void connectionClosed(
                SessionProtocol protocol, InetSocketAddress remote, InetSocketAddress local, AttributeMap attrs) {
            closed.incrementAndGet();
        }

        @Override
        public void onPingAcknowledged(
                SessionProtocol protocol,
                InetSocketAddress remote,
                InetSocketAddress local,
                AttributeMap attrs,
                long identifier) {
            pingsAcknowledged.incrementAndGet();
        }
    }
}
