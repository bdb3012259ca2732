package io.tickscope.desktop.batch;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.ManagedChannel;
import io.tickscope.desktop.connection.Channels;
import io.tickscope.desktop.connection.ConnectionMonitor;
import io.tickscope.desktop.connection.ServerAddress;
import io.tickscope.desktop.model.Quote;
import io.tickscope.desktop.model.QuoteResult;
import io.tickscope.desktop.model.Segment;
import io.tickscope.desktop.rpc.PricingClient;
import io.tickscope.desktop.testing.SharedServer;
import io.tickscope.desktop.testing.TestUiThread;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BatchLookupViewModelTest {

    @RegisterExtension
    static final SharedServer server = new SharedServer();

    private final TestUiThread ui = new TestUiThread();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private ManagedChannel channel = server.openChannel();

    @AfterEach
    void closeChannel() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        scheduler.shutdownNow();
        ui.close();
    }

    @Test
    void aLookupFillsTheBatchResultsAndTimesBothUnaryWays() {
        BatchLookupViewModel model =
                new BatchLookupViewModel(SharedServer.pricingClient(channel, scheduler), ui.uiThread());

        ui.run(() -> {
            model.currencyCodeProperty().set("eur");
            model.segmentProperty().set(Segment.VIP);
            model.lookUpFirst();
        });
        awaitFinished(model);

        List<QuoteResult> results = ui.read(() -> List.copyOf(model.results()));
        assertThat(results).hasSize(BatchLookupViewModel.DEFAULT_FIRST_COUNT);
        assertThat(results)
                .extracting(QuoteResult::productId)
                .startsWith("P00001", "P00002")
                .endsWith("P00047");
        assertThat(results).allSatisfy(row -> {
            assertThat(row.error()).isNull();
            assertThat(row.quote()).isNotNull();
            Quote quote = requireNonNull(row.quote(), "quote");
            assertThat(quote.productName()).isNotEmpty();
            assertThat(quote.segmentPrice().currency().getCurrencyCode()).isEqualTo("EUR");
            assertThat(quote.segmentPrice()).isLessThan(quote.basePrice());
        });
        List<LookupTiming> timings = ui.read(() -> List.copyOf(model.timings()));
        assertThat(timings).extracting(LookupTiming::calls).containsExactly(1, 47, 47);
        assertThat(timings).extracting(LookupTiming::failedCalls).containsOnly(0);
        assertThat(timings).allSatisfy(timing -> assertThat(timing.wallTime()).isPositive());
        assertThat(timings.get(0).timesBatchWallTime()).isEqualTo(1.0);
        // Every unary call repeats the currency and segment and frames its own two messages.
        assertThat(timings.get(1).bytes()).isGreaterThan(timings.get(0).bytes());
        assertThat(timings.get(2).bytes()).isEqualTo(timings.get(1).bytes());
        assertThat(ui.read(() -> model.messageProperty().get())).startsWith("47 products, 47 priced, 0 not");
    }

    @Test
    void aProductTheServerDoesNotKnowGetsARowThatSaysWhy() {
        BatchLookupViewModel model =
                new BatchLookupViewModel(SharedServer.pricingClient(channel, scheduler), ui.uiThread());

        ui.run(() -> {
            model.pastedIdsProperty().set("P00001, P99999\nP00003");
            model.lookUpPasted();
        });
        awaitFinished(model);

        List<QuoteResult> results = ui.read(() -> List.copyOf(model.results()));
        assertThat(results).extracting(QuoteResult::productId).containsExactly("P00001", "P99999", "P00003");
        assertThat(results.get(1).error()).startsWith("NOT_FOUND: ").contains("P99999");
        assertThat(results.get(1).quote()).isNull();
        assertThat(ui.read(() -> List.copyOf(model.timings())))
                .extracting(LookupTiming::failedCalls)
                .containsExactly(0, 1, 1);
    }

    @Test
    void tooManyProductsAreRefusedBeforeAnyCall() {
        BatchLookupViewModel model =
                new BatchLookupViewModel(SharedServer.pricingClient(channel, scheduler), ui.uiThread());

        ui.run(() -> {
            model.firstCountProperty().set(1_001);
            model.lookUpFirst();
        });

        assertThat(ui.read(() -> model.messageProperty().get()))
                .isEqualTo("first: 1001 (expected: 1 to 1000 products)");
        assertThat(ui.read(() -> model.runningProperty().get())).isFalse();
        assertThat(ui.read(() -> model.timings().isEmpty())).isTrue();
    }

    @Test
    void anUnreachableServerShowsTheStatusInWords() throws Exception {
        ManagedChannel nowhere = Channels.open(new ServerAddress("127.0.0.1", closedPort()));
        try {
            BatchLookupViewModel model = new BatchLookupViewModel(
                    new PricingClient(
                            nowhere, ConnectionMonitor.start(nowhere, scheduler), scheduler, Duration.ofSeconds(2)),
                    ui.uiThread());

            ui.run(model::lookUpFirst);
            awaitFinished(model);

            assertThat(ui.read(() -> model.messageProperty().get())).startsWith("UNAVAILABLE: ");
            assertThat(ui.read(() -> model.results().isEmpty())).isTrue();
        } finally {
            nowhere.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private void awaitFinished(BatchLookupViewModel model) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> ui.read(() -> !model.runningProperty().get()));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
