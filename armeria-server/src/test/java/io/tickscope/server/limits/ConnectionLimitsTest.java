package io.tickscope.server.limits;

import static io.tickscope.server.limits.MessageLimitsTest.failsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.linecorp.armeria.client.ClientFactory;
import com.linecorp.armeria.client.ConnectionPoolListener;
import com.linecorp.armeria.client.grpc.GrpcClients;
import com.linecorp.armeria.common.SessionProtocol;
import io.grpc.Status;
import io.netty.util.AttributeMap;
import io.tickscope.api.pricing.v1.GetPriceRequest;
import io.tickscope.api.pricing.v1.PricingServiceGrpc.PricingServiceBlockingStub;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Connection count and connection age, seen from real clients. */
class ConnectionLimitsTest {

    private static final Duration MAX_AGE = Duration.ofMillis(1_500);

    @RegisterExtension
    static final LimitedTestServer server = new LimitedTestServer(ServerLimits.defaults().toBuilder()
            .maxConnections(2)
            .maxConnectionAge(MAX_AGE)
            .connectionDrain(Duration.ofMillis(200))
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

    private PricingServiceBlockingStub client(com.linecorp.armeria.client.ClientFactoryBuilder factory) {
        ClientFactory built = factory.build();
        factories.add(built);
        return GrpcClients.builder(server.httpUri()).factory(built).build(PricingServiceBlockingStub.class);
    }

    private static void getPrice(PricingServiceBlockingStub pricing) {
        pricing.getPrice(GetPriceRequest.newBuilder().setProductId("P00001").build());
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
