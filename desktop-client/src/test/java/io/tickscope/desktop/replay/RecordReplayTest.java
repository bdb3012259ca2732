package io.tickscope.desktop.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.ManagedChannel;
import io.tickscope.desktop.connection.Channels;
import io.tickscope.desktop.connection.ConnectionMonitor;
import io.tickscope.desktop.model.RecordedTick;
import io.tickscope.desktop.rpc.PricingClient;
import io.tickscope.desktop.rpc.RecordingFile;
import io.tickscope.desktop.testing.TestServer;
import io.tickscope.desktop.testing.TestUiThread;
import io.tickscope.desktop.watchlist.WatchlistRowModel;
import io.tickscope.desktop.watchlist.WatchlistViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recording of a real stream, replayed with no server at 100x, shows the rows the live watchlist showed
 * when recording stopped, and shows every recorded update on the way (none conflated away).
 */
class RecordReplayTest {

    private static final List<String> PRODUCTS = List.of("P00001", "P00002", "P00003", "P00004");

    @TempDir
    Path directory;

    private final TestUiThread ui = new TestUiThread();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private TestServer server;
    private ManagedChannel channel;

    @BeforeEach
    void startServer() {
        // A still market: every change is one the test publishes, so the live rows stop where the recording does.
        server = TestServer.start(0);
        channel = Channels.open(server.address());
    }

    @AfterEach
    void close() {
        ui.close();
        channel.shutdownNow();
        scheduler.shutdownNow();
        server.close();
    }

    @Test
    void aRecordingReplaysTheRowsItRecordedAndEveryUpdate() {
        PricingClient pricing = new PricingClient(channel, ConnectionMonitor.start(channel, scheduler), scheduler);
        WatchlistViewModel live = new WatchlistViewModel(pricing, ui.uiThread(), Clock.systemUTC());
        Path file = directory.resolve("stream.tsrec");
        ui.run(() -> {
            live.restore(PRODUCTS);
            live.activate();
        });
        await().atMost(Duration.ofSeconds(30))
                .until(() -> ui.read(() ->
                        live.rows().stream().allMatch(row -> row.priceProperty().get() != null)));
        ui.run(() -> live.startRecording(file));
        await().atMost(Duration.ofSeconds(30)).until(() -> recordedChanges(live) == 0);
        for (String factor : List.of("1.01", "0.98", "1.03")) {
            for (String product : PRODUCTS) {
                server.movePrice(product, factor);
            }
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> ui.read(() -> live.liveTicksShownProperty().get()) >= 1
                        && ui.read(live::isRecording)
                        && recordedChanges(live) == 3 * PRODUCTS.size());
        ui.run(live::deactivate);
        List<String> liveRows = ui.read(() -> rows(live));

        List<RecordedTick> recorded = RecordingFile.read(file);
        assertThat(recorded.stream().filter(tick -> tick.tick().snapshot()).map(tick -> tick.tick()
                        .productId()))
                .as("a recording opens with a snapshot of every product")
                .containsExactlyInAnyOrderElementsOf(PRODUCTS);
        assertThat(recorded).filteredOn(tick -> !tick.tick().snapshot()).hasSize(3 * PRODUCTS.size());

        try (ReplayPlayer player = new ReplayPlayer(recorded)) {
            player.setSpeed(100);
            WatchlistViewModel replay = new WatchlistViewModel(player, null, ui.uiThread(), player.clock());
            ui.run(() -> {
                replay.currencyProperty().set(player.currency());
                replay.restore(player.productIds());
                replay.activate();
            });
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> ui.read(() -> replay.ticksShownProperty().get()) == recorded.size());

            assertThat(ui.read(() -> rows(replay))).isEqualTo(liveRows);
            assertThat(ui.read(() -> replay.ticksShownProperty().get()))
                    .as("every recorded update shown at 100x")
                    .isEqualTo(player.delivered())
                    .isEqualTo(recorded.size());
            ui.run(replay::deactivate);
        }
    }

    /** The live changes recorded so far, read from the recording's status line. */
    private long recordedChanges(WatchlistViewModel live) {
        String status = ui.read(() -> {
            live.refreshClock();
            return live.recordingStatusProperty().get();
        });
        // "● REC 16 updates · 2 KB": the snapshots of the four products, then the changes.
        String updates = status.replaceAll("^● REC ([\\d,]+) updates.*$", "$1").replace(",", "");
        return status.startsWith("● REC") ? Long.parseLong(updates) - PRODUCTS.size() : -1;
    }

    private static List<String> rows(WatchlistViewModel watchlist) {
        return watchlist.rows().stream().map(RecordReplayTest::row).toList();
    }

    private static String row(WatchlistRowModel row) {
        return String.join(
                " | ",
                row.productId(),
                row.nameProperty().get(),
                Objects.toString(row.priceProperty().get()),
                Objects.toString(row.segmentPriceProperty().get()),
                Objects.toString(row.changeProperty().get()));
    }
}
