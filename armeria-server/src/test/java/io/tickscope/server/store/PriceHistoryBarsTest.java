package io.tickscope.server.store;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickscope.server.pricing.HistoryWriter;
import io.tickscope.server.pricing.Nanos;
import io.tickscope.server.pricing.PriceBook;
import io.tickscope.server.pricing.PriceHistory;
import io.tickscope.server.pricing.PriceHistoryStore.TickPosition;
import io.tickscope.server.pricing.Sale;
import io.tickscope.server.pricing.Segment;
import io.tickscope.server.testing.MutableClock;
import io.tickscope.shared.money.Amount;
import io.tickscope.shared.time.BarResolution;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Bars are exact: for random ranges, resolutions, currencies and segments, every bar equals the open, high, low
 * and close of the quotes of its bucket's stored ticks, on both engines. The ticks come from the real price book
 * (market moves, published prices, sales that start and run out) on a clock that jumps by random steps, written
 * by the real history writer in batches of random sizes, so stored bars are merged across batches. Minute, hour
 * and day bars are read from tables of their own, each kept by the writer, and hour and day bars also as the
 * migration that added their tables fills them from minute bars.
 */
@ParameterizedClass
@EnumSource(StoreEngine.class)
class PriceHistoryBarsTest {

    private static final Instant START = Instant.parse("2026-12-01T23:58:17.250Z");
    private static final List<String> PRODUCTS = List.of("P00001", "P00002", "P00003");
    private static final List<String> CURRENCIES = List.of("USD", "EUR", "JPY", "GBP");

    @Parameter
    StoreEngine engine;

    @TempDir
    Path temporary;

    private TestDatabase testDatabase;
    private Database database;
    private final MutableClock clock = new MutableClock(START);
    private PriceBook book;
    private HistoryWriter writer;
    private PriceHistory history;

    @BeforeEach
    void open() {
        testDatabase = engine.create(temporary);
        database = testDatabase.open(5);
        book = PriceBook.load(database.productStore(), clock);
        writer =
                new HistoryWriter(database.priceHistoryStore(), book.incarnation(), true, Duration.ofDays(3650), clock);
        book.recordChangesIn(writer);
        writer.start();
        history = PriceHistory.of(book, database.priceHistoryStore(), writer);
    }

    @AfterEach
    void close() {
        writer.close();
        testDatabase.close();
    }

    @Test
    void everyBarEqualsWhatTheTicksOfItsBucketGive() throws Exception {
        Random random = new Random(14);
        Instant end = makeChanges(random, 3_000);

        int roundsWithBars = 0;
        for (int round = 0; round < 40; round++) {
            String productId = PRODUCTS.get(random.nextInt(PRODUCTS.size()));
            BarResolution resolution = BarResolution.values()[random.nextInt(BarResolution.values().length)];
            Currency currency = Currency.getInstance(CURRENCIES.get(random.nextInt(CURRENCIES.size())));
            Segment segment = Segment.values()[random.nextInt(Segment.values().length)];
            long span = Nanos.of(end) - Nanos.of(START);
            long from = Nanos.of(START) - 60_000_000_000L + (long) (random.nextDouble() * span);
            long to = from + 1 + (long) (random.nextDouble() * (Nanos.of(end) + 60_000_000_000L - from));
            long bucketsFrom = resolution.bucketStart(from);
            long bucketsTo = resolution.bucketStart(to - 1) + resolution.nanos();

            List<PriceHistory.QuotedBar> bars =
                    history.bars(productId, resolution, bucketsFrom, bucketsTo, currency, segment);

            roundsWithBars += bars.isEmpty() ? 0 : 1;
            assertThat(bars)
                    .as(
                            "%s bars of %s in %s for %s, %s to %s",
                            resolution, productId, currency, segment, Nanos.toInstant(from), Nanos.toInstant(to))
                    .isEqualTo(barsFromTicks(productId, resolution, bucketsFrom, bucketsTo, currency, segment));
        }
        assertThat(roundsWithBars).as("rounds whose range held ticks").isGreaterThan(30);
    }

    @Test
    void hourAndDayBarsThatTheMigrationFillsFromMinuteBarsEqualWhatTheTicksGive() throws Exception {
        Instant end = makeChanges(new Random(5), 2_000);
        testDatabase.jdbi().useHandle(handle -> {
            handle.execute("DELETE FROM price_hour_bars");
            handle.execute("DELETE FROM price_day_bars");
            for (String statement : backfillStatements()) {
                handle.execute(statement);
            }
        });
        long from = BarResolution.ONE_DAY.bucketStart(Nanos.of(START));
        long to = BarResolution.ONE_DAY.bucketStart(Nanos.of(end)) + BarResolution.ONE_DAY.nanos();

        assertThat(testDatabase.rowCount("price_hour_bars")).isGreaterThan(20);
        for (BarResolution resolution : List.of(BarResolution.ONE_HOUR, BarResolution.ONE_DAY)) {
            for (String productId : PRODUCTS) {
                for (Segment segment : List.of(Segment.STANDARD, Segment.VIP)) {
                    Currency jpy = Currency.getInstance("JPY");
                    assertThat(history.bars(productId, resolution, from, to, jpy, segment))
                            .as("%s bars of %s for %s", resolution, productId, segment)
                            .isEqualTo(barsFromTicks(productId, resolution, from, to, jpy, segment));
                }
            }
        }
    }

    @Test
    void pruningDeletesTicksBeforeTheCutAndBarsOnceAllOfTheirBucketIs() throws Exception {
        Instant end = makeChanges(new Random(3), 1_000);
        long cut = Nanos.of(START) + (Nanos.of(end) - Nanos.of(START)) / 2;

        int deleted;
        do {
            deleted = database.priceHistoryStore().prune(cut, 100);
        } while (deleted > 0);

        assertThat(count("price_ticks", "event_time_nanos < " + cut)).isZero();
        assertThat(count("price_ticks", "event_time_nanos >= " + cut)).isPositive();
        for (Map.Entry<String, BarResolution> table : Map.of(
                        "minute", BarResolution.ONE_MINUTE,
                        "hour", BarResolution.ONE_HOUR,
                        "day", BarResolution.ONE_DAY)
                .entrySet()) {
            String name = "price_" + table.getKey() + "_bars";
            long firstKept = Math.floorDiv(cut, table.getValue().nanos());
            assertThat(count(name, table.getKey() + " < " + firstKept)).as(name).isZero();
            assertThat(count(name, table.getKey() + " >= " + firstKept))
                    .as(name)
                    .isPositive();
        }
    }

    @Test
    void coarseBarsSumUpEveryTickOfTheRange() throws Exception {
        Random random = new Random(7);
        Instant end = makeChanges(random, 500);
        long from = BarResolution.ONE_DAY.bucketStart(Nanos.of(START));
        long to = BarResolution.ONE_DAY.bucketStart(Nanos.of(end)) + BarResolution.ONE_DAY.nanos();
        Currency usd = Currency.getInstance("USD");

        long ticks = 0;
        for (String productId : PRODUCTS) {
            ticks += history.bars(productId, BarResolution.ONE_DAY, from, to, usd, Segment.STANDARD).stream()
                    .mapToLong(PriceHistory.QuotedBar::tickCount)
                    .sum();
        }

        assertThat(ticks).isEqualTo(500);
    }

    /** Changes prices {@code count} times, as the market and a feeder do, and returns the clock's time after. */
    private Instant makeChanges(Random random, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            clock.advance(Duration.ofMillis(randomStep(random)));
            String productId = PRODUCTS.get(random.nextInt(PRODUCTS.size()));
            int kind = random.nextInt(10);
            if (kind == 0) {
                Amount current = book.latestUpdate(productId).listing().basePrice();
                Amount published =
                        new Amount(current.currency(), Math.max(1, current.minorUnits() + random.nextInt(41) - 20));
                Sale sale = new Sale(1 + random.nextInt(5_000), clock.instant().plusSeconds(1 + random.nextInt(600)));
                book.publish(productId, published, sale);
            } else {
                book.applyMarketMove(productId, random.nextInt(301) - 150, null);
            }
            if (random.nextInt(50) == 0) {
                // Several batches, so that bars of one minute are merged with what is stored already.
                writer.flushed().get(30, TimeUnit.SECONDS);
            }
        }
        writer.flushed().get(30, TimeUnit.SECONDS);
        return clock.instant();
    }

    private long count(String table, String condition) {
        return testDatabase.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT count(*) FROM " + table + " WHERE " + condition)
                .mapTo(Long.class)
                .one());
    }

    /** The statements of this engine's V5 migration that fill the hour and day bars from the minute bars. */
    private List<String> backfillStatements() throws IOException {
        String location =
                "/db/migration/" + engine.name().toLowerCase(Locale.ROOT) + "/V5__price_hour_and_day_bars.sql";
        try (InputStream in = requireNonNull(PriceHistoryBarsTest.class.getResourceAsStream(location), location)) {
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
            List<String> inserts = Arrays.stream(script.split(";"))
                    .map(String::strip)
                    .filter(statement -> statement.startsWith("INSERT"))
                    .toList();
            assertThat(inserts).as("INSERT statements of " + location).hasSize(2);
            return inserts;
        }
    }

    /** Mostly milliseconds, sometimes seconds or minutes, now and then hours: every resolution gets many bars. */
    private static long randomStep(Random random) {
        return switch (random.nextInt(20)) {
            case 0 -> random.nextInt(3_600_000);
            case 1, 2, 3 -> random.nextInt(120_000);
            case 4, 5, 6, 7, 8 -> random.nextInt(5_000);
            default -> random.nextInt(300);
        };
    }

    /** The bars of the quotes of every stored tick, computed here the plain way, one tick at a time. */
    private List<PriceHistory.QuotedBar> barsFromTicks(
            String productId, BarResolution resolution, long from, long to, Currency currency, Segment segment) {
        List<PriceHistory.QuotedTick> ticks = new ArrayList<>();
        TickPosition after = TickPosition.START;
        while (true) {
            PriceHistory.TickPage page = history.ticks(productId, from, to, after, 500, currency, segment);
            ticks.addAll(page.ticks());
            if (page.next() == null) {
                break;
            }
            after = page.next();
        }
        List<PriceHistory.QuotedBar> bars = new ArrayList<>();
        for (PriceHistory.QuotedTick tick : ticks) {
            long bucket = resolution.bucketStart(tick.tick().eventTimeNanos());
            Amount price = tick.quote().discountedPrice();
            int last = bars.size() - 1;
            if (last >= 0 && bars.get(last).startNanos() == bucket) {
                PriceHistory.QuotedBar bar = bars.get(last);
                bars.set(
                        last,
                        new PriceHistory.QuotedBar(
                                bucket,
                                bar.endNanos(),
                                bar.open(),
                                price.compareTo(bar.high()) > 0 ? price : bar.high(),
                                price.compareTo(bar.low()) < 0 ? price : bar.low(),
                                price,
                                bar.tickCount() + 1));
            } else {
                bars.add(
                        new PriceHistory.QuotedBar(bucket, bucket + resolution.nanos(), price, price, price, price, 1));
            }
        }
        return bars;
    }
}
