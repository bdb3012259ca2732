package io.tickscope.bench.history;

import io.tickscope.bench.load.ThreadCpu;
import io.tickscope.server.ServerSettings;
import io.tickscope.server.pricing.HistoryWriter;
import io.tickscope.server.pricing.PriceUpdate;
import io.tickscope.server.pricing.ProductListing;
import io.tickscope.server.store.Database;
import io.tickscope.shared.money.Amount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Measures how many price changes a second the history writer stores on the embedded SQLite store, and what
 * handing one change to it costs the market's thread: the server's push scenario makes a million changes a
 * second, and each one is stored.
 *
 * <p>Each run records {@value #CHANGES_PER_RUN} changes of random products of the seeded catalogue (event times
 * a microsecond apart, as a market of a million changes a second makes them) as fast as one thread can, then
 * waits until the writer has stored them all. It prints the changes stored per second of wall time (from the
 * first record to the last stored), the writer thread's CPU per change and the recording thread's time per
 * change, for {@value #WARM_UP_RUNS} warm-up runs and {@value #MEASURED_RUNS} measured ones, and their median.
 * Nothing may be dropped: the run fails if the writer drops a change.
 *
 * <pre>
 * ./mvnw -q -pl bench -am package -DskipTests -Dexec.skip=true
 * java -Xms2g -Xmx2g -cp bench/target/tickscope-bench-0.1.0-SNAPSHOT.jar io.tickscope.bench.history.HistoryWriterThroughput
 * </pre>
 */
public final class HistoryWriterThroughput {

    private static final int CHANGES_PER_RUN = 500_000;
    private static final int WARM_UP_RUNS = 2;
    private static final int MEASURED_RUNS = 5;
    private static final String WRITER_THREAD = "tickscope-history-writer";
    private static final long NANOS_PER_CHANGE = 1_000;

    private HistoryWriterThroughput() {}

    public static void main(String[] args) throws Exception {
        Path directory = Files.createTempDirectory("tickscope-bench-history-writer");
        try (Database database = Database.open(directory, ServerSettings.DEFAULT_SEED)) {
            List<ProductListing> listings = database.productStore().loadListings();
            long[] sequences = new long[listings.size()];
            Arrays.fill(sequences, 1);
            SplittableRandom random = new SplittableRandom(1);
            Instant clock = Clock.systemUTC().instant();
            List<double[]> runs = new ArrayList<>();
            for (int run = 0; run < WARM_UP_RUNS + MEASURED_RUNS; run++) {
                HistoryWriter writer =
                        new HistoryWriter(database.priceHistoryStore(), 1, true, Duration.ofDays(1), Clock.systemUTC());
                writer.start();
                List<PriceUpdate> changes = new ArrayList<>(CHANGES_PER_RUN);
                for (int i = 0; i < CHANGES_PER_RUN; i++) {
                    int product = random.nextInt(listings.size());
                    ProductListing listing = listings.get(product);
                    clock = clock.plusNanos(NANOS_PER_CHANGE);
                    ProductListing changed = new ProductListing(
                            listing.productId(),
                            listing.name(),
                            new Amount(
                                    listing.basePrice().currency(),
                                    listing.basePrice().minorUnits() + random.nextInt(-5, 6)),
                            null,
                            clock);
                    changes.add(new PriceUpdate(changed, ++sequences[product], clock, PriceUpdate.Kind.CHANGE));
                }
                long cpuBefore = ThreadCpu.nanosOf(WRITER_THREAD);
                long began = System.nanoTime();
                for (PriceUpdate change : changes) {
                    writer.record(change, true);
                }
                long recorded = System.nanoTime();
                writer.flushed().get(5, TimeUnit.MINUTES);
                long stored = System.nanoTime();
                long writerCpu = ThreadCpu.nanosOf(WRITER_THREAD) - cpuBefore;
                writer.close();
                if (writer.droppedCount() != 0) {
                    throw new IllegalStateException("dropped: " + writer.droppedCount() + " (expected: 0)");
                }
                double perSecond = CHANGES_PER_RUN / ((stored - began) / 1e9);
                double writerCpuPerChange = (double) writerCpu / CHANGES_PER_RUN;
                double recordNanos = (double) (recorded - began) / CHANGES_PER_RUN;
                boolean warmUp = run < WARM_UP_RUNS;
                System.out.printf(
                        "%s %d: %,.0f changes/s stored, writer CPU %,.0f ns/change, record %,.0f ns/change%n",
                        warmUp ? "warm-up" : "run", run + 1, perSecond, writerCpuPerChange, recordNanos);
                if (!warmUp) {
                    runs.add(new double[] {perSecond, writerCpuPerChange, recordNanos});
                }
            }
            System.out.printf(
                    "median of %d: %,.0f changes/s stored, writer CPU %,.0f ns/change, record %,.0f ns/change%n",
                    runs.size(), median(runs, 0), median(runs, 1), median(runs, 2));
        } finally {
            deleteRecursively(directory);
        }
    }

    private static double median(List<double[]> runs, int column) {
        return runs.stream()
                .mapToDouble(run -> run[column])
                .sorted()
                .skip(runs.size() / 2)
                .findFirst()
                .orElseThrow();
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
