package io.tickscope.desktop.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.ManagedChannel;
import io.tickscope.desktop.connection.Channels;
import io.tickscope.desktop.connection.ConnectionMonitor;
import io.tickscope.desktop.connection.ConnectionState;
import io.tickscope.desktop.model.Segment;
import io.tickscope.desktop.model.WatchRequest;
import io.tickscope.desktop.testing.RecordingWatchListener;
import io.tickscope.desktop.testing.TestServer;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PriceWatchRestartTest {

    @Test
    void watchResubscribesWhenTheServerComesBackOnTheSamePort() throws InterruptedException {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (TestServer server = TestServer.start(0)) {
            ManagedChannel channel = Channels.open(server.address());
            try {
                ConnectionMonitor monitor = ConnectionMonitor.start(channel, scheduler);
                List<ConnectionState> states = new CopyOnWriteArrayList<>();
                monitor.subscribe(states::add);
                PricingClient client = new PricingClient(channel, monitor, scheduler);
                RecordingWatchListener listener = new RecordingWatchListener();
                PriceWatch watch = client.watch(
                        new WatchRequest(List.of("P00010"), Currency.getInstance("GBP"), Segment.WHOLESALE), listener);
                await().until(() -> listener.snapshotCount() == 1);

                server.stop();
                await().until(() -> !listener.interruptions.isEmpty());
                assertThat(listener.interruptions.get(0))
                        .startsWith("UNAVAILABLE")
                        .contains("resubscribing in");
                await().until(() -> states.contains(ConnectionState.RECONNECTING));
                long snapshotsBeforeRestart = listener.snapshotCount();

                server.restart();
                await().atMost(Duration.ofSeconds(30)).until(() -> listener.snapshotCount() > snapshotsBeforeRestart);
                // The market stands still: only the watch on the new server instance can see this change.
                server.movePrice("P00010", "1.02");
                await().until(() -> !listener.changesOf("P00010").isEmpty());
                assertThat(listener.failures).isEmpty();
                watch.close();
            } finally {
                channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
        } finally {
            scheduler.shutdownNow();
        }
    }
}
