package io.tickscope.desktop.rpc;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.ManagedChannel;
import io.tickscope.desktop.connection.Channels;
import io.tickscope.desktop.connection.ConnectionMonitor;
import io.tickscope.desktop.connection.ServerAddress;
import io.tickscope.desktop.model.PriceTick;
import io.tickscope.desktop.model.Quote;
import io.tickscope.desktop.model.QuoteResult;
import io.tickscope.desktop.model.RecordedTick;
import io.tickscope.desktop.model.Segment;
import io.tickscope.desktop.model.WatchRequest;
import io.tickscope.desktop.testing.RecordingWatchListener;
import io.tickscope.desktop.testing.TestServer;
import io.tickscope.shared.money.Amount;
import java.nio.file.Path;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PricingClientTest {

    private static final Currency USD = Currency.getInstance("USD");

    /** The market stands still: every change a test sees is one it published. */
    private static TestServer server;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private ManagedChannel channel;
    private PricingClient client;

    @TempDir
    Path directory;

    @BeforeAll
    static void startServer() {
        server = TestServer.start(0);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void connect() {
        channel = Channels.open(server.address());
        client = new PricingClient(channel, ConnectionMonitor.start(channel, scheduler), scheduler);
    }

    @AfterEach
    void disconnect() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        scheduler.shutdownNow();
    }

    /** The watch hands the recorder each update's bytes as they arrived; they must read back as what it delivered. */
    @Test
    void aRecordingHoldsEveryUpdateTheWatchDelivered() {
        RecordingWatchListener listener = new RecordingWatchListener();
        Path file = directory.resolve("watch.tsrec");
        PriceRecorder recorder = client.record(file);
        PriceWatch watch = client.watch(request("P00001", "P00002"), listener);
        try {
            await().until(() -> listener.snapshotCount() == 2);
            for (String factor : List.of("1.10", "0.95", "1.02")) {
                server.movePrice("P00001", factor);
                server.movePrice("P00002", factor);
            }
            await().until(() -> listener.ticks.size() == 8);
        } finally {
            watch.close();
            client.stopRecording();
        }

        assertThat(recorder.problem()).isNull();
        assertThat(RecordingFile.read(file)).extracting(RecordedTick::tick).containsExactlyElementsOf(listener.ticks);
    }

    @Test
    void watchSendsEachProductsPriceThenItsChanges() {
        RecordingWatchListener listener = new RecordingWatchListener();
        PriceWatch watch = client.watch(request("P00001", "P00002"), listener);
        try {
            await().until(() -> listener.snapshotCount() == 2);
            assertThat(listener.ticks).extracting(PriceTick::productId).containsExactlyInAnyOrder("P00001", "P00002");

            Amount moved = server.movePrice("P00001", "1.10");

            await().until(() -> !listener.changesOf("P00001").isEmpty());
            PriceTick change = listener.changesOf("P00001").get(0);
            assertThat(change.quote().basePrice().currency()).isEqualTo(USD);
            assertThat(change.quote().productName()).isNotBlank();
            assertThat(change.sequenceNumber()).isPositive();
            assertThat(moved.isPositive()).isTrue();
        } finally {
            watch.close();
        }
    }

    @Test
    void closedWatchHearsNoMoreChanges() {
        RecordingWatchListener closedListener = new RecordingWatchListener();
        PriceWatch closed = client.watch(request("P00003"), closedListener);
        await().until(() -> closedListener.snapshotCount() == 1);
        closed.close();

        RecordingWatchListener openListener = new RecordingWatchListener();
        PriceWatch open = client.watch(request("P00003"), openListener);
        await().until(() -> openListener.snapshotCount() == 1);
        server.movePrice("P00003", "0.95");
        await().until(() -> !openListener.changesOf("P00003").isEmpty());
        open.close();

        assertThat(closedListener.changesOf("P00003")).isEmpty();
        assertThat(closedListener.interruptions).isEmpty();
    }

    @Test
    void watchOfAnUnknownProductFailsReadablyAndStaysDown() {
        RecordingWatchListener listener = new RecordingWatchListener();
        PriceWatch watch = client.watch(request("P00001", "P99999"), listener);
        await().until(() -> !listener.failures.isEmpty());
        watch.close();

        assertThat(listener.failures)
                .singleElement()
                .asString()
                .startsWith("NOT_FOUND: ")
                .contains("P99999");
        assertThat(listener.interruptions).isEmpty();
        assertThat(listener.ticks).isEmpty();
    }

    @Test
    void batchQuotesKnownProductsAndNamesTheUnknownOnes() {
        List<QuoteResult> results = client.getPrices(
                        List.of("P00001", "P99999"), Currency.getInstance("EUR"), Segment.VIP)
                .join();

        assertThat(results).extracting(QuoteResult::productId).containsExactly("P00001", "P99999");
        Quote quote = requireNonNull(results.get(0).quote(), "P00001 has a quote");
        assertThat(quote.segmentPrice().currency().getCurrencyCode()).isEqualTo("EUR");
        assertThat(quote.segmentPrice().compareTo(quote.basePrice())).isNegative();
        assertThat(results.get(1).quote()).isNull();
        assertThat(results.get(1).error()).startsWith("NOT_FOUND: ").contains("P99999");
    }

    @Test
    void batchAgainstNoServerFailsWithAReadableStatus() throws InterruptedException {
        ManagedChannel nowhere = Channels.open(new ServerAddress("127.0.0.1", 1));
        try {
            PricingClient unreachable =
                    new PricingClient(nowhere, ConnectionMonitor.start(nowhere, scheduler), scheduler);

            CompletionException failure =
                    org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class, () -> unreachable
                            .getPrices(List.of("P00001"), USD, Segment.STANDARD)
                            .join());

            assertThat(RpcErrors.describe(failure)).startsWith("UNAVAILABLE: ");
        } finally {
            nowhere.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static WatchRequest request(String... productIds) {
        return new WatchRequest(List.of(productIds), USD, Segment.STANDARD);
    }
}
