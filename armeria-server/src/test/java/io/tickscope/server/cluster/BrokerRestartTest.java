package io.tickscope.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.tickscope.api.pricing.v1.GetPriceRequest;
import io.tickscope.api.pricing.v1.PricingServiceGrpc;
import io.tickscope.api.pricing.v1.PublishPricesRequest;
import io.tickscope.api.pricing.v1.PublishPricesResponse;
import io.tickscope.server.ServerSettings;
import io.tickscope.server.TickscopeServer;
import io.tickscope.server.pricing.PriceUpdate;
import io.tickscope.server.testing.PrivateNatsServer;
import io.tickscope.server.testing.ResponseFuture;
import io.tickscope.shared.money.Amount;
import io.tickscope.shared.money.MoneyProtos;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replica whose NATS dies and comes back (a private nats-server, killed with SIGKILL and started again on the
 * same port and storage): gRPC health turns NOT_SERVING while NATS is away and SERVING again on its own, a change
 * published meanwhile is refused with UNAVAILABLE rather than acknowledged, and every acknowledged change is
 * still in the stream afterwards.
 */
class BrokerRestartTest {

    private static final Duration NOTICE = Duration.ofSeconds(3);
    private static final Duration RECOVERY = Duration.ofSeconds(10);
    private static final List<String> PRODUCTS = List.of("P00001", "P00002", "P00003", "P00004", "P00005");

    @TempDir
    Path dataDirectory;

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeResources() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    @Test
    void healthFollowsNatsAndNothingAcknowledgedIsLost() throws Exception {
        PrivateNatsServer nats = PrivateNatsServer.start();
        resources.add(nats);
        ClusterSettings cluster = new ClusterSettings(nats.url(), "restart", "replica-1");
        TickscopeServer server = TickscopeServer.start(
                new ServerSettings("127.0.0.1", 0, dataDirectory, 50, 42, Duration.ofSeconds(2)).withCluster(cluster));
        resources.add(server);
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port())
                .usePlaintext()
                .build();
        resources.add(channel::shutdownNow);
        HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(channel);
        PricingServiceGrpc.PricingServiceStub pricing = PricingServiceGrpc.newStub(channel);
        assertThat(status(health)).isEqualTo(ServingStatus.SERVING);

        Map<String, Amount> acknowledged = new LinkedHashMap<>();
        publishAndRemember(pricing, channel, 7_00, acknowledged);

        nats.kill();
        long killedAt = System.nanoTime();
        await().atMost(NOTICE)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> status(health) == ServingStatus.NOT_SERVING);
        Duration noticed = Duration.ofNanos(System.nanoTime() - killedAt);
        assertThatThrownBy(() -> publish(pricing, List.of(change(channel, "P00001", 999))))
                .hasRootCauseInstanceOf(StatusRuntimeException.class)
                .rootCause()
                .satisfies(e -> assertThat(Status.fromThrowable(e).getCode()).isEqualTo(Status.Code.UNAVAILABLE))
                .hasMessageContaining("not stored in NATS stream");

        nats.restart();
        long restartedAt = System.nanoTime();
        await().atMost(RECOVERY)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> status(health) == ServingStatus.SERVING);
        Duration recovered = Duration.ofNanos(System.nanoTime() - restartedAt);
        // Publishing works again, on top of what was acknowledged before.
        await().atMost(RECOVERY)
                .ignoreExceptions()
                .untilAsserted(() -> publishAndRemember(pricing, channel, 8_00, acknowledged));

        System.out.printf(
                "BrokerRestartTest: NOT_SERVING %d ms after SIGKILL, SERVING %d ms after the restart%n",
                noticed.toMillis(), recovered.toMillis());
        Connection reader = Nats.connect(nats.url());
        try {
            for (Map.Entry<String, Amount> entry : acknowledged.entrySet()) {
                PriceUpdate stored = PriceMessages.decode(reader.jetStreamManagement()
                        .getLastMessage(cluster.priceStream(), cluster.priceSubject(entry.getKey()))
                        .getData());
                assertThat(stored.listing().basePrice()).as(entry.getKey()).isEqualTo(entry.getValue());
            }
        } finally {
            reader.close();
        }
    }

    private static void publishAndRemember(
            PricingServiceGrpc.PricingServiceStub pricing,
            ManagedChannel channel,
            long base,
            Map<String, Amount> acknowledged)
            throws Exception {
        List<PublishPricesRequest> changes = new ArrayList<>();
        for (int i = 0; i < PRODUCTS.size(); i++) {
            changes.add(change(channel, PRODUCTS.get(i), base + i));
        }
        PublishPricesResponse summary = publish(pricing, changes);
        assertThat(summary.getAcceptedCount()).isEqualTo(PRODUCTS.size());
        for (PublishPricesRequest change : changes) {
            acknowledged.put(change.getProductId(), MoneyProtos.fromProto(change.getBasePrice()));
        }
    }

    private static PublishPricesResponse publish(
            PricingServiceGrpc.PricingServiceStub pricing, List<PublishPricesRequest> changes) throws Exception {
        return ResponseFuture.sendAll(
                observer -> pricing.withDeadlineAfter(20, TimeUnit.SECONDS).publishPrices(observer), changes);
    }

    /** Returns a change of {@code productId} to {@code minorUnits} in its listing currency. */
    private static PublishPricesRequest change(ManagedChannel channel, String productId, long minorUnits) {
        String currency = PricingServiceGrpc.newBlockingStub(channel)
                .withDeadlineAfter(5, TimeUnit.SECONDS)
                .getPrice(GetPriceRequest.newBuilder().setProductId(productId).build())
                .getQuote()
                .getListingCurrencyCode();
        return PublishPricesRequest.newBuilder()
                .setProductId(productId)
                .setBasePrice(MoneyProtos.toProto(new Amount(Currency.getInstance(currency), minorUnits)))
                .build();
    }

    private static ServingStatus status(HealthGrpc.HealthBlockingStub health) {
        return health.withDeadlineAfter(5, TimeUnit.SECONDS)
                .check(HealthCheckRequest.getDefaultInstance())
                .getStatus();
    }
}
