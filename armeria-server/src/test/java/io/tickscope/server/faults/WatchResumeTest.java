package io.tickscope.server.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.tickscope.api.pricing.v1.PriceUpdateKind;
import io.tickscope.api.pricing.v1.WatchPricesRequest;
import io.tickscope.api.pricing.v1.WatchPricesResponse;
import io.tickscope.server.faults.ResumingPriceWatch.Origin;
import io.tickscope.server.testing.ServerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A headless watcher across server restarts, graceful (SIGTERM) and abrupt (SIGKILL), on the same port and data
 * directory: per product, sequence numbers never step back or repeat within a server incarnation, every product
 * resyncs with a snapshot of the new incarnation after each restart, and updates flow again within 3 s of the
 * server accepting connections.
 */
class WatchResumeTest {

    private static final Duration MAX_RECONNECT = Duration.ofSeconds(3);
    private static final List<String> PRODUCTS = IntStream.rangeClosed(1, 20)
            .mapToObj(i -> String.format("P%05d", i))
            .toList();
    // Busy enough that every watched product changes several times a second.
    private static final String TICK_RATE = "20000";
    // grpc-java's smallest keepalive time is 10 s.
    private static final Duration KEEPALIVE_TIME = Duration.ofSeconds(10);
    private static final Duration KEEPALIVE_TIMEOUT = Duration.ofSeconds(2);

    @TempDir
    Path dataDirectory;

    @TempDir
    Path logDirectory;

    private final List<Delivered> delivered = new CopyOnWriteArrayList<>();
    private final List<Boolean> connectionChanges = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeResources() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    @Test
    void watchResumesAfterGracefulAndAbruptRestartsWithoutRepeatsAndWithAResync() {
        ServerProcess first = ServerProcess.start("first", dataDirectory, 0, logDirectory, "--tick-rate", TICK_RATE);
        resources.add(first);
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", first.port())
                .usePlaintext()
                .build();
        resources.add(channel::shutdownNow);
        ResumingPriceWatch watch = ResumingPriceWatch.start(
                channel,
                WatchPricesRequest.newBuilder().addAllProductIds(PRODUCTS).build(),
                new Recorder());
        resources.add(watch);
        awaitChangesOfEveryProduct();

        List<Duration> reconnects = new ArrayList<>();
        ServerProcess second = restart("graceful", ServerProcess::stop, first, reconnects);
        awaitChangesOfEveryProduct();
        restart("abrupt", ServerProcess::kill, second, reconnects);
        awaitChangesOfEveryProduct();

        System.out.printf(
                "WatchResumeTest: %d updates delivered; first update after the server printed READY: graceful"
                        + " restart %d ms, SIGKILL restart %d ms (backoff reset every %d ms)%n",
                delivered.size(),
                reconnects.get(0).toMillis(),
                reconnects.get(1).toMillis(),
                ResumingPriceWatch.reconnectPace().toMillis());
        assertThat(reconnects).allSatisfy(reconnect -> assertThat(reconnect).isLessThanOrEqualTo(MAX_RECONNECT));
        assertThat(connectionChanges).containsExactly(true, false, true, false, true);
        assertSequencesOnlyGrowWithinAnIncarnation();
        assertEveryProductResyncedOncePerRestart(3);
    }

    @Test
    void halfOpenConnectionIsDetectedByKeepaliveAndTheWatchCarriesOnWithoutAResync() {
        ServerProcess server = ServerProcess.start("frozen", dataDirectory, 0, logDirectory, "--tick-rate", TICK_RATE);
        resources.add(server);
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port())
                .usePlaintext()
                .keepAliveTime(KEEPALIVE_TIME.toSeconds(), TimeUnit.SECONDS)
                .keepAliveTimeout(KEEPALIVE_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                .build();
        resources.add(channel::shutdownNow);
        resources.add(ResumingPriceWatch.start(
                channel,
                WatchPricesRequest.newBuilder().addAllProductIds(PRODUCTS).build(),
                new Recorder()));
        awaitChangesOfEveryProduct();

        // SIGSTOP: the kernel keeps the connection open, the server answers nothing, not even a keepalive ping.
        server.pause();
        long stoppedNanos = System.nanoTime();
        await("reconnecting shown")
                .atMost(KEEPALIVE_TIME.plus(KEEPALIVE_TIMEOUT).plusSeconds(5))
                .until(() -> connectionChanges.size() == 2);
        Duration detection = Duration.ofNanos(System.nanoTime() - stoppedNanos);
        int deliveredBefore = delivered.size();
        server.resume();
        awaitChangesOfEveryProduct();

        System.out.printf(
                "WatchResumeTest: SIGSTOP detected after %d ms (keepalive %d s, timeout %d s)%n",
                detection.toMillis(), KEEPALIVE_TIME.toSeconds(), KEEPALIVE_TIMEOUT.toSeconds());
        assertThat(detection).isGreaterThanOrEqualTo(KEEPALIVE_TIMEOUT);
        assertThat(connectionChanges).containsExactly(true, false, true);
        // The same server run: its sequence numbers carry on, so there is nothing to resync.
        assertThat(deliveredSince(deliveredBefore))
                .extracting(Delivered::origin)
                .containsOnly(Origin.CHANGE);
        assertSequencesOnlyGrowWithinAnIncarnation();
    }

    /**
     * Ends {@code server} with {@code stop}, starts it again on the same port, adds to {@code reconnects} how long
     * after it accepted connections the watch delivered again, and returns it.
     */
    private ServerProcess restart(
            String name, Consumer<ServerProcess> stop, ServerProcess server, List<Duration> reconnects) {
        stop.accept(server);
        int deliveredBefore = delivered.size();
        ServerProcess next = server.startAgain(name);
        resources.add(next);
        // The READY line comes once the port accepts: measuring from here slightly favours the client.
        long acceptingNanos = System.nanoTime();
        await("the first update after the " + name + " restart")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(5))
                .until(() -> delivered.size() > deliveredBefore);
        reconnects.add(Duration.ofNanos(delivered.get(deliveredBefore).nanoTime() - acceptingNanos));
        return next;
    }

    private void awaitChangesOfEveryProduct() {
        int from = delivered.size();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> deliveredSince(from).stream()
                                .filter(update -> update.origin() == Origin.CHANGE)
                                .map(update -> update.update().getQuote().getProductId())
                                .distinct()
                                .count()
                        == PRODUCTS.size());
    }

    /** Returns what the watch delivered from position {@code from} on, copied: the watch adds to it meanwhile. */
    private List<Delivered> deliveredSince(int from) {
        List<Delivered> all = List.copyOf(delivered);
        return all.subList(from, all.size());
    }

    private void assertSequencesOnlyGrowWithinAnIncarnation() {
        Map<String, Long> lastSequence = new HashMap<>();
        for (Delivered update : delivered) {
            String productId = update.update().getQuote().getProductId();
            long sequence = update.update().getSequenceNumber();
            Long last = lastSequence.put(productId, sequence);
            if (update.origin() == Origin.CHANGE) {
                assertThat(sequence)
                        .as("sequence of %s after %s", productId, last)
                        .isGreaterThan(last);
            } else {
                assertThat(update.update().getKind()).isEqualTo(PriceUpdateKind.PRICE_UPDATE_KIND_SNAPSHOT);
            }
        }
    }

    private void assertEveryProductResyncedOncePerRestart(int incarnations) {
        Map<String, List<Long>> incarnationsByProduct = new HashMap<>();
        for (Delivered update : delivered) {
            if (update.origin() != Origin.CHANGE) {
                incarnationsByProduct
                        .computeIfAbsent(update.update().getQuote().getProductId(), id -> new ArrayList<>())
                        .add(update.update().getServerIncarnation());
            }
        }
        assertThat(incarnationsByProduct).containsOnlyKeys(PRODUCTS);
        List<Long> expected = incarnationsByProduct.get(PRODUCTS.get(0));
        assertThat(expected).hasSize(incarnations).doesNotHaveDuplicates().doesNotContain(0L);
        assertThat(incarnationsByProduct)
                .allSatisfy((productId, seen) -> assertThat(seen).isEqualTo(expected));
    }

    private record Delivered(WatchPricesResponse update, Origin origin, long nanoTime) {}

    private final class Recorder implements ResumingPriceWatch.Listener {

        @Override
        public void onUpdate(WatchPricesResponse update, Origin origin) {
            delivered.add(new Delivered(update, origin, System.nanoTime()));
        }

        @Override
        public void onConnection(boolean live) {
            if (connectionChanges.isEmpty() || connectionChanges.get(connectionChanges.size() - 1) != live) {
                connectionChanges.add(live);
            }
        }
    }
}
