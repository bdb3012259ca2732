package io.tickscope.desktop.watchlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.grpc.ManagedChannel;
import io.tickscope.desktop.connection.Channels;
import io.tickscope.desktop.connection.ConnectionMonitor;
import io.tickscope.desktop.rpc.PricingClient;
import io.tickscope.desktop.testing.TestServer;
import io.tickscope.desktop.testing.TestUiThread;
import io.tickscope.server.testing.MutableClock;
import io.tickscope.shared.money.Amount;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WatchlistViewModelTest {

    /** The market stands still: every change the watchlist shows is one a test published. */
    private static TestServer server;

    private final TestUiThread ui = new TestUiThread();
    // From the real time, so that it agrees with the server's timestamps.
    private final MutableClock clock = new MutableClock(Instant.now());
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private ManagedChannel channel;
    private WatchlistViewModel watchlist;

    @BeforeAll
    static void startServer() {
        server = TestServer.start(0);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void openWatchlist() {
        channel = Channels.open(server.address());
        PricingClient pricing = new PricingClient(channel, ConnectionMonitor.start(channel, scheduler), scheduler);
        watchlist = new WatchlistViewModel(pricing, ui.uiThread(), clock);
        ui.run(watchlist::activate);
    }

    @AfterEach
    void closeWatchlist() {
        ui.run(watchlist::deactivate);
        ui.close();
        channel.shutdownNow();
        scheduler.shutdownNow();
    }

    @Test
    void addedProductsShowPricesThenChangesSinceTheSessionStarted() {
        ui.run(() -> watchlist.add("P00001"));
        // Each add asks the server first; rows appear in the order the answers come back.
        await().until(() -> ui.read(() -> watchlist.rows().size()) == 1);
        ui.run(() -> watchlist.add("p00002"));
        await().until(() -> ui.read(() -> watchlist.feedStateProperty().get() == FeedState.LIVE
                && watchlist.rows().stream().allMatch(row -> row.priceProperty().get() != null)));
        assertThat(ui.read(watchlist::productIds)).containsExactly("P00001", "P00002");
        WatchlistRowModel first = ui.read(() -> watchlist.rows().get(0));
        Amount start = ui.read(() -> first.priceProperty().get());

        server.movePrice("P00001", "1.10");

        await().until(() -> ui.read(() -> watchlist.liveTicksShownProperty().get()) == 1);
        ui.run(() -> {
            assertThat(first.flashProperty().get()).isEqualTo(Flash.UP);
            assertThat(first.changePercentProperty().get()).isCloseTo(10.0, within(0.01));
            assertThat(first.changeProperty().get().minorUnits())
                    .isEqualTo(first.priceProperty().get().minorUnits() - start.minorUnits());
            assertThat(first.nameProperty().get()).isNotEqualTo("P00001");
        });

        clock.advance(WatchlistRowModel.FLASH_TIME);
        ui.run(watchlist::refreshClock);
        assertThat(ui.read(() -> first.flashProperty().get())).isEqualTo(Flash.NONE);
    }

    @Test
    void nameSearchFindsProductsAndAddsTheBestMatch() {
        await().until(() -> {
            ui.run(() -> watchlist.search("P0004"));
            return !ui.read(() -> watchlist.suggestionsProperty().get()).isEmpty();
        });
        assertThat(ui.read(() -> watchlist.suggestionsProperty().get()))
                .extracting(ProductMatch::productId)
                .startsWith("P00040", "P00041", "P00042");
        ProductMatch wanted =
                ui.read(() -> watchlist.suggestionsProperty().get()).get(2);
        String nameFragment =
                wanted.name().substring(0, wanted.name().length() - 1).toUpperCase();

        ui.run(() -> watchlist.search(nameFragment));
        assertThat(ui.read(() -> watchlist.suggestionsProperty().get())).contains(wanted);

        ui.run(() -> watchlist.add(wanted.name()));
        await().until(() -> ui.read(watchlist::productIds).contains(wanted.productId()));
    }

    @Test
    void unknownProductIsReportedAndNotWatched() {
        ui.run(() -> watchlist.add("P99999"));

        await().until(() -> !ui.read(() -> watchlist.noticeProperty().get()).isEmpty());
        assertThat(ui.read(() -> watchlist.noticeProperty().get()))
                .startsWith("NOT_FOUND: ")
                .contains("P99999");
        assertThat(ui.read(watchlist::productIds)).isEmpty();
        assertThat(ui.read(() -> watchlist.feedStateProperty().get())).isEqualTo(FeedState.IDLE);
    }

    @Test
    void changingTheCurrencyStartsTheSessionAgainInIt() {
        ui.run(() -> watchlist.restore(List.of("P00003")));
        await().until(() ->
                ui.read(() -> watchlist.rows().get(0).priceProperty().get()) != null);

        ui.run(() -> watchlist.currencyProperty().set(Currency.getInstance("JPY")));

        await().until(() -> {
            Amount price = ui.read(() -> watchlist.rows().get(0).priceProperty().get());
            return price != null && price.currency().getCurrencyCode().equals("JPY");
        });
        assertThat(ui.read(() -> watchlist.rows().get(0).changeProperty().get()))
                .isEqualTo(Amount.of("JPY", "0"));
    }

    @Test
    void removingTheLastProductEndsTheStream() {
        ui.run(() -> watchlist.restore(List.of("P00004")));
        await().until(() -> ui.read(() -> watchlist.feedStateProperty().get()) == FeedState.LIVE);

        ui.run(() -> watchlist.remove(List.copyOf(watchlist.rows())));

        assertThat(ui.read(() -> watchlist.feedStateProperty().get())).isEqualTo(FeedState.IDLE);
        assertThat(ui.read(watchlist::productIds)).isEmpty();
    }

    @Test
    void rowsGoStaleWhileTheServerIsAwayAndTheResyncShowsWhenItReturns() {
        ui.run(() -> watchlist.restore(List.of("P00005", "P00006")));
        await().until(() -> ui.read(() -> watchlist.feedStateProperty().get()) == FeedState.LIVE);

        server.stop();
        await().until(() -> ui.read(() ->
                watchlist.rows().stream().allMatch(row -> row.staleProperty().get())));
        assertThat(ui.read(() -> watchlist.feedMessageProperty().get())).startsWith("Reconnecting: UNAVAILABLE");
        long shownBefore = ui.read(() -> watchlist.liveTicksShownProperty().get());

        server.restart();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> ui.read(() -> watchlist.feedStateProperty().get() == FeedState.LIVE
                        && watchlist.rows().stream()
                                .noneMatch(row -> row.staleProperty().get())));
        // The clock stands still in this test: the resync reports its time.
        assertThat(ui.read(() -> watchlist.feedMessageProperty().get())).startsWith("Live, resynced 2 products at ");
        server.movePrice("P00005", "0.98");
        await().until(() -> ui.read(() -> watchlist.liveTicksShownProperty().get()) > shownBefore);
    }
}
