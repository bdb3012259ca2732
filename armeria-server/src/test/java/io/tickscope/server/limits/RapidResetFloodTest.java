package io.tickscope.server.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.linecorp.armeria.client.ClientFactory;
import com.linecorp.armeria.client.grpc.GrpcClients;
import io.tickscope.api.pricing.v1.GetPriceRequest;
import io.tickscope.api.pricing.v1.PricingServiceGrpc.PricingServiceBlockingStub;
import java.net.InetSocketAddress;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An HTTP/2 rapid-reset flood (CVE-2023-44487) against the server with its default limits: the attacking
 * connection is closed, the server stays up, and a legitimate client on another connection keeps its p99
 * latency within three times what it was before the flood.
 */
class RapidResetFloodTest {

    private static final GetPriceRequest REQUEST =
            GetPriceRequest.newBuilder().setProductId("P00001").build();
    private static final int WARM_UP_CALLS = 3_000;
    private static final int ROUNDS = 8;
    private static final int CALLS_PER_WINDOW = 1_000;

    @RegisterExtension
    static final LimitedTestServer server = new LimitedTestServer(ServerLimits.defaults());

    @Test
    void attackingConnectionIsClosedOnceItSpendsItsResetBudget() throws InterruptedException {
        try (RapidResetAttacker attacker = new RapidResetAttacker(serverAddress())) {
            RapidResetAttacker.Outcome outcome = attacker.attackOnce();

            // The budget is 400 resets a minute; the frames in flight when the server acts come on top.
            assertThat(outcome.resetsSent()).isGreaterThan(400);
        }
        assertThat(server.server().isClosing()).isFalse();
    }

    @Test
    void legitimateClientKeepsItsLatencyDuringAFlood() throws InterruptedException {
        try (ClientFactory factory = ClientFactory.builder().workerGroup(1).build()) {
            PricingServiceBlockingStub pricing =
                    GrpcClients.builder(server.httpUri()).factory(factory).build(PricingServiceBlockingStub.class);
            measure(pricing, WARM_UP_CALLS, new Histogram(3));
            // Quiet and flooded windows alternate, so that a neighbour's load on this shared machine weighs on
            // both sides of the comparison alike.
            Histogram baseline = new Histogram(3);
            Histogram duringFlood = new Histogram(3);
            long connections = 0;
            long resets = 0;
            for (int round = 0; round < ROUNDS; round++) {
                measure(pricing, CALLS_PER_WINDOW, baseline);
                try (RapidResetAttacker attacker = new RapidResetAttacker(serverAddress())) {
                    attacker.attackContinuously();
                    measure(pricing, CALLS_PER_WINDOW, duringFlood);
                    assertThat(attacker.connections())
                            .as("attacking connections")
                            .isGreaterThan(1);
                    // Each connection but the one under attack right now was closed by the server.
                    assertThat(attacker.connectionsClosed())
                            .as("attacking connections closed")
                            .isGreaterThanOrEqualTo(attacker.connections() - 1);
                    connections += attacker.connections();
                    resets += attacker.resetsSent();
                }
            }
            System.out.printf(
                    "Rapid reset: %d resets on %d connections; legitimate p50/p99 before %d/%d us, during %d/%d us%n",
                    resets,
                    connections,
                    baseline.getValueAtPercentile(50) / 1_000,
                    baseline.getValueAtPercentile(99) / 1_000,
                    duringFlood.getValueAtPercentile(50) / 1_000,
                    duringFlood.getValueAtPercentile(99) / 1_000);

            assertThat(duringFlood.getValueAtPercentile(99))
                    .as(
                            "p99 during the flood (ns), against 3 x the baseline p99 %d ns",
                            baseline.getValueAtPercentile(99))
                    .isLessThanOrEqualTo(3 * baseline.getValueAtPercentile(99));
            pricing.getPrice(REQUEST);
        }
    }

    private static void measure(PricingServiceBlockingStub pricing, int calls, Histogram latencies) {
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            pricing.getPrice(REQUEST);
            latencies.recordValue(System.nanoTime() - start);
        }
    }

    private static InetSocketAddress serverAddress() {
        return new InetSocketAddress("127.0.0.1", server.httpPort());
    }
}
