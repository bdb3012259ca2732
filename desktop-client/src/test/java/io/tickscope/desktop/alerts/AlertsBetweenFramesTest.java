package io.tickscope.desktop.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.ManagedChannel;
import io.tickscope.desktop.connection.Channels;
import io.tickscope.desktop.connection.ConnectionMonitor;
import io.tickscope.desktop.model.AlertFiring;
import io.tickscope.desktop.model.AlertRule;
import io.tickscope.desktop.model.PriceTick;
import io.tickscope.desktop.rpc.PricingClient;
import io.tickscope.desktop.testing.TestServer;
import io.tickscope.desktop.testing.TestUiThread;
import io.tickscope.desktop.ui.UiThread;
import io.tickscope.desktop.watchlist.WatchlistRowModel;
import io.tickscope.desktop.watchlist.WatchlistViewModel;
import io.tickscope.shared.money.Amount;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Alerts see every tick, not every frame: a burst of ticks that cross a level, fall back and cross again while
 * the UI's pulse is held (one frame) fires a repeating alert twice and a one-shot alert once, while the table
 * shows one change. The prices come from a real server through the real watch.
 */
class AlertsBetweenFramesTest {

    private final TestUiThread ui = new TestUiThread();
    /** The drains the pulse would run: held until the test lets the frame happen. */
    private final ConcurrentLinkedQueue<Runnable> heldFrame = new ConcurrentLinkedQueue<>();

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private TestServer server;
    private ManagedChannel channel;
    private WatchlistViewModel watchlist;

    @BeforeEach
    void openWatchlist() {
        server = TestServer.start(0);
        channel = Channels.open(server.address());
        PricingClient pricing = new PricingClient(channel, ConnectionMonitor.start(channel, scheduler), scheduler);
        UiThread framed = UiThread.of(task -> ui.uiThread().execute(task), heldFrame::add);
        watchlist = new WatchlistViewModel(pricing, framed, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        ui.run(watchlist::deactivate);
        ui.close();
        channel.shutdownNow();
        scheduler.shutdownNow();
        server.close();
    }

    @Test
    void aBurstThatCrossesAndRecrossesWithinOneFrameFiresEveryCrossing() {
        AlertsModel alerts = new AlertsModel(ui.uiThread()::execute, List.of());
        List<PriceTick> received = new CopyOnWriteArrayList<>();
        watchlist.onEveryTick(tick -> {
            received.add(tick);
            alerts.onTick(tick);
        });
        ui.run(() -> {
            watchlist.followAlerted(alerts.alertedProductsProperty());
            watchlist.restore(List.of("P00001"));
            watchlist.activate();
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == 1);
        Amount start = received.get(0).quote().basePrice();
        Amount level = Amount.of(
                start.currency(),
                start.toBigDecimal().multiply(new BigDecimal("1.05")).setScale(2, RoundingMode.UP));
        ui.run(() -> {
            alerts.add(AlertRule.above("P00001", level, true));
            alerts.add(AlertRule.above("P00001", level, false));
        });

        // Above the level, back below it, above again: all while the pulse is held.
        server.movePrice("P00001", "1.10");
        server.movePrice("P00001", "0.90");
        server.movePrice("P00001", "1.10");
        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == 4);

        List<AlertFiring> log = ui.read(() -> List.copyOf(alerts.log()));
        assertThat(log).extracting(firing -> firing.rule().repeating()).containsExactlyInAnyOrder(true, true, false);
        assertThat(log).allSatisfy(firing -> assertThat(firing.price()).isGreaterThanOrEqualTo(level));
        assertThat(ui.read(() -> alerts.rules().size()))
                .as("the one-shot alert is done")
                .isEqualTo(1);

        // The frame: the table shows the latest price once.
        ui.run(() -> heldFrame.forEach(Runnable::run));
        WatchlistRowModel row = ui.read(() -> watchlist.rows().get(0));
        assertThat(ui.read(() -> row.priceProperty().get()))
                .isEqualTo(received.get(3).quote().basePrice());
        assertThat(ui.read(() -> watchlist.liveTicksShownProperty().get())).isEqualTo(1);
        assertThat(ui.read(() -> row.alertedProperty().get()))
                .as("the repeating alert still marks the row")
                .isTrue();
    }
}
