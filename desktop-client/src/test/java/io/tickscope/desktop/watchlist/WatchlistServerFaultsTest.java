package io.tickscope.desktop.watchlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.ManagedChannel;
import io.tickscope.desktop.connection.Channels;
import io.tickscope.desktop.connection.ConnectionMonitor;
import io.tickscope.desktop.connection.ConnectionState;
import io.tickscope.desktop.connection.ServerAddress;
import io.tickscope.desktop.rpc.PricingClient;
import io.tickscope.desktop.testing.TestUiThread;
import io.tickscope.server.testing.ServerProcess;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watchlist against a headless server in a process of its own, through what happens to real servers: a
 * hang (SIGSTOP), which only keepalive can detect, then a SIGKILL and a restart on the same port.
 */
class WatchlistServerFaultsTest {

    private static final List<String> PRODUCTS = IntStream.rangeClosed(1, 20)
            .mapToObj(i -> String.format(Locale.ROOT, "P%05d", i))
            .toList();
    /** Keepalive's ping interval plus its timeout (connection/Channels), and slack for a loaded machine. */
    private static final Duration HANG_DETECTED_WITHIN = Duration.ofSeconds(40);
    /** gRPC's reconnect backoff after this long is 1 + 1.6 + 2.6 s: a restart would wait seconds for it. */
    private static final Duration SERVER_DOWN_FOR = Duration.ofSeconds(5);
    /** Issue 6: the stream is back within 3 s of the server accepting connections again. */
    private static final Duration RESUMED_WITHIN = Duration.ofSeconds(3);

    @TempDir
    Path directory;

    private final TestUiThread ui = new TestUiThread();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private @Nullable ServerProcess server;
    private @Nullable ManagedChannel channel;

    @AfterEach
    void close() throws InterruptedException {
        // The channel first: its calls' last callbacks still find the UI thread and the scheduler running.
        if (channel != null) {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        scheduler.shutdownNow();
        ui.close();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aHungServerShowsAsReconnectingAndAKilledOneIsResyncedWithinThreeSecondsOfItsRestart() {
        server = ServerProcess.start("first", directory.resolve("data"), 0, directory, "--tick-rate", "1000");
        channel = Channels.open(new ServerAddress("127.0.0.1", server.port()));
        ConnectionMonitor monitor = ConnectionMonitor.start(channel, scheduler);
        WatchlistViewModel watchlist = new WatchlistViewModel(
                new PricingClient(channel, monitor, scheduler), ui.uiThread(), Clock.systemUTC());
        ui.run(() -> {
            watchlist.restore(PRODUCTS);
            watchlist.activate();
        });
        await().atMost(Duration.ofSeconds(20))
                .until(() -> ui.read(() -> watchlist.liveTicksShownProperty().get()) > 0);

        server.pause();

        await().atMost(HANG_DETECTED_WITHIN).until(() -> monitor.current() == ConnectionState.RECONNECTING);
        await().until(() -> ui.read(() -> watchlist.feedStateProperty().get()) == FeedState.STALE);
        assertThat(ui.read(() -> watchlist.rows().stream()
                        .allMatch(row -> row.staleProperty().get())))
                .isTrue();

        server.kill();
        // Down long enough for several failed connection attempts, so that gRPC's own backoff has grown to
        // seconds; all that while, nothing may claim to be live.
        await().during(SERVER_DOWN_FOR)
                .atMost(SERVER_DOWN_FOR.plusSeconds(5))
                .until(() -> monitor.current() == ConnectionState.RECONNECTING
                        && ui.read(() -> watchlist.feedStateProperty().get()) == FeedState.STALE);
        server = server.startAgain("restarted");
        Instant serving = server.readyTime();

        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> ui.read(() -> watchlist.feedMessageProperty().get())
                        .startsWith("Live, resynced " + PRODUCTS.size() + " products at "));
        Duration resumed = Duration.between(serving, Instant.now());
        System.out.printf(Locale.ROOT, "watchlist resynced %d ms after the server printed READY%n", resumed.toMillis());
        assertThat(resumed).isLessThan(RESUMED_WITHIN);
        assertThat(ui.read(() -> watchlist.rows().stream()
                        .noneMatch(row -> row.staleProperty().get())))
                .isTrue();
        assertThat(monitor.current()).isEqualTo(ConnectionState.READY);
    }
}
