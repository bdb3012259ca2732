package io.tickscope.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.tickscope.api.pricing.v1.GetPriceRequest;
import io.tickscope.api.pricing.v1.PricingServiceGrpc;
import io.tickscope.api.pricing.v1.WatchPricesRequest;
import io.tickscope.api.pricing.v1.WatchPricesResponse;
import io.tickscope.server.testing.RecordingObserver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replica stopping under a client that balances with gRPC health checks (as the desktop's channel does): its
 * health Watch stream, which the client keeps open for as long as the connection lives, must not hold the stop
 * to the shutdown timeout. The stop takes the drain and what calls in flight need, not the timeout.
 */
class GracefulStopTest {

    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration DRAIN = Duration.ofMillis(500);

    @TempDir
    Path dataDirectory;

    @Test
    void aBalancingClientsHealthWatchDoesNotHoldTheStopToItsTimeout() throws InterruptedException {
        TickscopeServer server = TickscopeServer.start(
                new ServerSettings("127.0.0.1", 0, dataDirectory, 0, ServerSettings.DEFAULT_SEED, SHUTDOWN_TIMEOUT));
        ManagedChannel channel = NettyChannelBuilder.forTarget("127.0.0.1:" + server.port())
                .usePlaintext()
                .defaultServiceConfig(Map.of(
                        "loadBalancingConfig", List.of(Map.of("round_robin", Map.of())),
                        "healthCheckConfig", Map.of("serviceName", "")))
                .build();
        try {
            PricingServiceGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(10, TimeUnit.SECONDS)
                    .getPrice(
                            GetPriceRequest.newBuilder().setProductId("P00001").build());
            RecordingObserver<WatchPricesResponse> watch = new RecordingObserver<>();
            PricingServiceGrpc.newStub(channel)
                    .watchPrices(
                            WatchPricesRequest.newBuilder()
                                    .addProductIds("P00001")
                                    .build(),
                            watch);
            await().atMost(Duration.ofSeconds(10)).until(() -> !watch.values().isEmpty());
            assertThat(channel.getState(false)).isEqualTo(ConnectivityState.READY);

            long startedAt = System.nanoTime();
            server.drainAndClose(DRAIN);
            Duration stop = Duration.ofNanos(System.nanoTime() - startedAt);
            System.out.printf("Stopped in %d ms with a drain of %d ms%n", stop.toMillis(), DRAIN.toMillis());

            // Without the fix the stop ran to the timeout; with it, 7 s at a load average of 17.
            assertThat(stop).isLessThan(SHUTDOWN_TIMEOUT.dividedBy(3));
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
