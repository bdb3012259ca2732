package io.tickscope.bench.history;

import com.linecorp.armeria.client.grpc.GrpcClients;
import io.tickscope.api.pricing.v1.GetPriceBarsRequest;
import io.tickscope.api.pricing.v1.GetPriceBarsResponse;
import io.tickscope.api.pricing.v1.MinorUnitPriceBar;
import io.tickscope.api.pricing.v1.PriceBar;
import io.tickscope.api.pricing.v1.PriceBarEncoding;
import io.tickscope.api.pricing.v1.PriceBarResolution;
import io.tickscope.api.pricing.v1.PricingServiceGrpc.PricingServiceBlockingStub;
import io.tickscope.server.ServerSettings;
import io.tickscope.server.TickscopeServer;
import io.tickscope.server.pricing.Nanos;
import io.tickscope.server.pricing.PriceHistoryStore;
import io.tickscope.server.pricing.PriceTick;
import io.tickscope.server.pricing.ProductListing;
import io.tickscope.server.pricing.StoredBar;
import io.tickscope.server.pricing.StoredPrice;
import io.tickscope.server.store.Database;
import io.tickscope.shared.money.Amount;
import io.tickscope.shared.time.BarResolution;
import io.tickscope.shared.time.InstantProtos;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * Measures how long a year of one-minute bars of one product takes: read from the store (the minute-bar table's
 * primary key range), and fetched over gRPC with GetPriceBars, on the embedded SQLite store: as Money bars in
 * pages of 10,000, and as minor-unit bars in pages of 10,000 and of 100,000; the client reads every bar's close.
 *
 * <p>The store is filled with two ticks in every minute of a year for one product (1,051,200 ticks, 525,600
 * minute bars) through the same {@link PriceHistoryStore#append} the server's history writer uses, then a
 * server is started on it with a retention longer than the year. Each figure is a HdrHistogram of repeated
 * runs after warm-up runs.
 *
 * <p>With {@code --postgres} the same on a database of its own on the PostgreSQL at 127.0.0.1:5432 (user
 * postgres), dropped at the end; the store's CPU figure is then only the reading JVM's share.
 *
 * <pre>
 * ./mvnw -q -pl bench -am package -DskipTests
 * java -Xms1g -Xmx1g -cp bench/target/tickscope-bench-0.1.0-SNAPSHOT.jar io.tickscope.bench.history.YearOfMinuteBars [--postgres]
 * </pre>
 */
public final class YearOfMinuteBars {

    private static final String PRODUCT = "P00001";
    private static final Instant YEAR_START = Instant.parse("2025-12-01T00:00:00Z");
    private static final int MINUTES = 365 * 24 * 60;
    private static final int WARM_UP_RUNS = 3;
    private static final int MEASURED_RUNS = 10;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long NANOS_PER_MINUTE = 60_000_000_000L;
    private static final String POSTGRES_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

    private YearOfMinuteBars() {}

    public static void main(String[] args) throws Exception {
        Path directory = Files.createTempDirectory("tickscope-bench-history");
        ServerSettings settings = new ServerSettings(
                        "127.0.0.1", 0, directory, 0, ServerSettings.DEFAULT_SEED, Duration.ofSeconds(1))
                .withHistoryRetention(Duration.ofDays(800));
        try {
            if (List.of(args).contains("--postgres")) {
                String name =
                        "tickscope_bench_history_" + ProcessHandle.current().pid();
                execute(POSTGRES_ADMIN_URL, "CREATE DATABASE " + name);
                String url = "jdbc:postgresql://127.0.0.1:5432/" + name + "?user=postgres";
                try {
                    System.out.println("PostgreSQL: " + url);
                    try (Database database =
                            Database.openPostgres(url, ServerSettings.DEFAULT_SEED, Clock.systemUTC())) {
                        fill(database);
                    }
                    measureOverGrpc(settings.withDatabaseUrl(url));
                } finally {
                    execute(POSTGRES_ADMIN_URL, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                }
            } else {
                System.out.println("SQLite: " + directory);
                try (Database database = Database.open(directory, ServerSettings.DEFAULT_SEED)) {
                    fill(database);
                }
                measureOverGrpc(settings);
            }
        } finally {
            deleteRecursively(directory);
        }
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Stores a year of ticks for {@link #PRODUCT} and measures reading its minute bars from the store. */
    private static void fill(Database database) {
        ProductListing listing = database.productStore().loadListings().stream()
                .filter(candidate -> candidate.productId().equals(PRODUCT))
                .findFirst()
                .orElseThrow();
        PriceHistoryStore store = database.priceHistoryStore();
        Random random = new Random(1);
        long price = listing.basePrice().minorUnits();
        long start = System.nanoTime();
        List<PriceTick> batch = new ArrayList<>();
        long sequence = 2;
        for (int minute = 0; minute < MINUTES; minute++) {
            for (int second : new int[] {7, 41}) {
                price = Math.max(1, price + random.nextInt(21) - 10);
                batch.add(new PriceTick(
                        PRODUCT,
                        YEAR_START.plusSeconds(minute * 60L + second),
                        1,
                        sequence++,
                        new StoredPrice(new Amount(listing.basePrice().currency(), price), 0),
                        null));
            }
            if (batch.size() >= 20_000) {
                store.append(batch);
                batch.clear();
            }
        }
        store.append(batch);
        System.out.printf(
                "filled: %,d ticks, %,d minute bars in %.1f s%n",
                MINUTES * 2L, (long) MINUTES, (System.nanoTime() - start) / 1e9);

        long from = Nanos.of(YEAR_START);
        long to = from + MINUTES * NANOS_PER_MINUTE;
        Histogram histogram = new Histogram(3);
        Histogram cpu = new Histogram(3);
        for (int run = 0; run < WARM_UP_RUNS + MEASURED_RUNS; run++) {
            long began = System.nanoTime();
            long cpuBegan = THREADS.getCurrentThreadCpuTime();
            List<StoredBar> bars =
                    store.bars(PRODUCT, listing.basePrice().currency(), BarResolution.ONE_MINUTE, from, to);
            long took = System.nanoTime() - began;
            long cpuTook = THREADS.getCurrentThreadCpuTime() - cpuBegan;
            if (bars.size() != MINUTES) {
                throw new IllegalStateException("bars: " + bars.size() + " (expected: " + MINUTES + ')');
            }
            if (run >= WARM_UP_RUNS) {
                histogram.recordValue(took);
                cpu.recordValue(cpuTook);
            }
        }
        report("store: a year of minute bars (525,600 rows) read, wall", histogram);
        // SQLite runs on the calling thread: its CPU time is the read's cost on an idle machine.
        report("store: the same, CPU time of the reading thread", cpu);
    }

    /** Starts a server on the filled store and pages through the year with GetPriceBars in each encoding. */
    private static void measureOverGrpc(ServerSettings settings) {
        TickscopeServer server = TickscopeServer.start(settings);
        try {
            PricingServiceBlockingStub pricing = GrpcClients.builder("http://127.0.0.1:" + server.port())
                    .maxResponseLength(0)
                    .build(PricingServiceBlockingStub.class);
            for (PriceBarResolution resolution : List.of(
                    PriceBarResolution.PRICE_BAR_RESOLUTION_ONE_MINUTE,
                    PriceBarResolution.PRICE_BAR_RESOLUTION_ONE_HOUR,
                    PriceBarResolution.PRICE_BAR_RESOLUTION_ONE_DAY)) {
                measure(pricing, resolution, PriceBarEncoding.PRICE_BAR_ENCODING_MONEY, 10_000);
                measure(pricing, resolution, PriceBarEncoding.PRICE_BAR_ENCODING_MINOR_UNITS, 10_000);
                measure(pricing, resolution, PriceBarEncoding.PRICE_BAR_ENCODING_MINOR_UNITS, 100_000);
            }
        } finally {
            server.close();
        }
    }

    /**
     * Pages through the year as a client would, reading every bar's prices back; reports wall time and the CPU
     * time of the process (client and server together).
     */
    private static void measure(
            PricingServiceBlockingStub pricing,
            PriceBarResolution resolution,
            PriceBarEncoding encoding,
            int pageSize) {
        Histogram histogram = new Histogram(3);
        Histogram cpu = new Histogram(3);
        int bars = 0;
        int pages = 0;
        for (int run = 0; run < WARM_UP_RUNS + MEASURED_RUNS; run++) {
            long began = System.nanoTime();
            long cpuBegan = processCpuNanos();
            bars = 0;
            pages = 0;
            long checksum = 0;
            String token = "";
            do {
                GetPriceBarsResponse page = pricing.getPriceBars(GetPriceBarsRequest.newBuilder()
                        .setProductId(PRODUCT)
                        .setResolution(resolution)
                        .setStartTime(InstantProtos.toProto(YEAR_START))
                        .setEndTime(InstantProtos.toProto(YEAR_START.plus(Duration.ofDays(365))))
                        .setCurrencyCode("EUR")
                        .setEncoding(encoding)
                        .setPageSize(pageSize)
                        .setPageToken(token)
                        .build());
                for (PriceBar bar : page.getBarsList()) {
                    checksum += bar.getClose().getUnits() + bar.getStartTime().getSeconds();
                }
                for (MinorUnitPriceBar bar : page.getMinorUnitBarsList()) {
                    checksum += bar.getCloseMinorUnits() + bar.getStartTimeSeconds();
                }
                bars += page.getBarsCount() + page.getMinorUnitBarsCount();
                pages++;
                token = page.getNextPageToken();
            } while (!token.isEmpty());
            if (checksum == 0) {
                throw new IllegalStateException("no bars read");
            }
            if (run >= WARM_UP_RUNS) {
                histogram.recordValue(System.nanoTime() - began);
                cpu.recordValue(processCpuNanos() - cpuBegan);
            }
        }
        String what = String.format(
                "gRPC %s, %s: %,d bars in %d pages of up to %,d",
                resolution.name().substring("PRICE_BAR_RESOLUTION_".length()),
                encoding.name().substring("PRICE_BAR_ENCODING_".length()),
                bars,
                pages,
                pageSize);
        report(what + ", CPU of client and server", cpu);
        report(what + ", wall", histogram);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void report(String what, Histogram histogram) {
        System.out.printf(
                "%s: p50 %.1f ms, p99 %.1f ms, max %.1f ms over %d runs; load average %.2f%n",
                what,
                histogram.getValueAtPercentile(50) / 1e6,
                histogram.getValueAtPercentile(99) / 1e6,
                histogram.getMaxValue() / 1e6,
                histogram.getTotalCount(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
