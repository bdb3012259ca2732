package io.tickscope.desktop.replay;

import io.grpc.ManagedChannel;
import io.tickscope.desktop.connection.Channels;
import io.tickscope.desktop.connection.ConnectionMonitor;
import io.tickscope.desktop.connection.ServerAddress;
import io.tickscope.desktop.model.PriceTick;
import io.tickscope.desktop.model.Segment;
import io.tickscope.desktop.model.WatchRequest;
import io.tickscope.desktop.rpc.PriceRecorder;
import io.tickscope.desktop.rpc.PriceWatch;
import io.tickscope.desktop.rpc.PriceWatchListener;
import io.tickscope.desktop.rpc.PricingClient;
import io.tickscope.desktop.rpc.RecordingFile;
import io.tickscope.server.ServerSettings;
import io.tickscope.server.TickscopeServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * A measurement, not a test: records a real stream for a while at the server's default market rate and prints
 * the recording's size, per update and extrapolated to an hour, for a watchlist of the given size.
 *
 * <pre>
 * java -cp desktop-client/target/classes:desktop-client/target/test-classes:$(cat cp.txt) \
 *     io.tickscope.desktop.replay.RecordingSizeBenchmark 120 16
 * </pre>
 *
 * Arguments: seconds recorded (default 120) and products watched (default 16, a first run's watchlist).
 */
public final class RecordingSizeBenchmark {

    private RecordingSizeBenchmark() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 120;
        int products = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        Path directory = Files.createTempDirectory("tickscope-recording-size");
        Path file = directory.resolve("stream.tsrec");
        try (TickscopeServer server = TickscopeServer.start(new ServerSettings(
                "127.0.0.1",
                0,
                directory,
                ServerSettings.DEFAULT_TICK_RATE,
                ServerSettings.DEFAULT_SEED,
                Duration.ofSeconds(5)))) {
            ManagedChannel channel = Channels.open(new ServerAddress("127.0.0.1", server.port()));
            ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
            PricingClient pricing = new PricingClient(channel, ConnectionMonitor.start(channel, scheduler), scheduler);
            List<String> ids = IntStream.rangeClosed(1, products)
                    .mapToObj(i -> String.format(Locale.ROOT, "P%05d", i))
                    .toList();
            PriceRecorder recorder = pricing.record(file);
            PriceWatch watch = pricing.watch(
                    new WatchRequest(ids, Currency.getInstance("USD"), Segment.STANDARD), new PriceWatchListener() {
                        @Override
                        public void onTick(PriceTick tick) {}

                        @Override
                        public void onInterrupted(String reason) {
                            System.err.println("interrupted: " + reason);
                        }

                        @Override
                        public void onFailed(String reason) {
                            System.err.println("failed: " + reason);
                        }
                    });
            Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
            watch.close();
            pricing.stopRecording();
            long bytes = Files.size(file);
            int updates = RecordingFile.read(file).size();
            double perHour = bytes * 3600.0 / seconds;
            System.out.printf(
                    Locale.ROOT,
                    "market %,d changes/s over the catalogue; %d products watched for %d s: %,d updates"
                            + " (%d snapshots), %,d bytes, %.1f bytes/update; an hour: %,.0f updates, %.2f MB%n",
                    ServerSettings.DEFAULT_TICK_RATE,
                    products,
                    seconds,
                    updates,
                    products,
                    bytes,
                    bytes / (double) updates,
                    (updates - products) * 3600.0 / seconds,
                    perHour / 1e6);
            channel.shutdownNow();
            scheduler.shutdownNow();
        }
        System.exit(0);
    }
}
