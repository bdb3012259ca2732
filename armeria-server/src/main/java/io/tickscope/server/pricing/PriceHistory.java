package io.tickscope.server.pricing;

import static java.util.Objects.requireNonNull;

import io.tickscope.server.error.NotFoundException;
import io.tickscope.server.pricing.PriceHistoryStore.StoredTick;
import io.tickscope.server.pricing.PriceHistoryStore.TickPosition;
import io.tickscope.shared.money.Amount;
import io.tickscope.shared.time.BarResolution;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reads price history: pages of quoted ticks, pages of quoted bars, and the ticks a watch replays before its
 * snapshot. Every method blocks on the store: call it from a blocking executor.
 *
 * <p>Bars of a minute, an hour and a day are read as stored (at most one row per product and bucket, kept up to
 * date as ticks are stored: a year of hour bars is 8,760 rows); five-minute bars are rolled up from the minute
 * bars, and bars of a second from the ticks themselves. Quoting comes last:
 * a bar's open, high, low and close are stored prices, picked by {@link StoredPrice#compareTo}, then quoted, so
 * every bar equals what quoting each of its bucket's ticks would give.
 */
public final class PriceHistory {

    /** How many ticks one second-bar page reads from the store at a time. */
    private static final int TICK_READ_CHUNK = 50_000;

    private static final Duration READ_YOUR_CHANGES_WAIT = Duration.ofSeconds(2);

    private final PriceBook book;
    private final PriceHistoryStore store;
    /** Null on a server that stores no history: then every read throws {@link HistoryOffException}. */
    private final @Nullable HistoryWriter writer;

    private PriceHistory(PriceBook book, PriceHistoryStore store, @Nullable HistoryWriter writer) {
        this.book = requireNonNull(book, "book");
        this.store = requireNonNull(store, "store");
        this.writer = writer;
    }

    /** Returns the history of {@code book} that {@code writer} stores in {@code store}. */
    public static PriceHistory of(PriceBook book, PriceHistoryStore store, HistoryWriter writer) {
        return new PriceHistory(book, store, requireNonNull(writer, "writer"));
    }

    /**
     * Returns the history of a server that stores none ({@code --history off}): each of its reads throws {@link
     * HistoryOffException}.
     */
    public static PriceHistory off(PriceBook book, PriceHistoryStore store) {
        return new PriceHistory(book, store, null);
    }

    /** Returns whether this server stores price history. */
    public boolean isStored() {
        return writer != null;
    }

    /**
     * Throws unless this server stores price history: lets a caller refuse a request that needs history before it
     * starts answering.
     *
     * @throws HistoryOffException when the server stores no history
     */
    public void requireStored() {
        writer();
    }

    /**
     * Returns at most {@code limit} ticks of {@code productId} in [{@code fromNanos}, {@code toNanos}) after
     * {@code after}, quoted in {@code currency} for {@code segment}, and where the next page starts (null: none).
     *
     * @throws NotFoundException when the product is unknown
     */
    public TickPage ticks(
            String productId,
            long fromNanos,
            long toNanos,
            TickPosition after,
            int limit,
            Currency currency,
            Segment segment) {
        requireStored();
        Currency listing = book.listingCurrency(productId);
        book.requireSupported(currency);
        awaitStored();
        List<StoredTick> stored = store.ticks(productId, listing, fromNanos, toNanos, after, limit + 1);
        boolean more = stored.size() > limit;
        List<StoredTick> page = more ? stored.subList(0, limit) : stored;
        List<QuotedTick> quoted = new ArrayList<>(page.size());
        for (StoredTick tick : page) {
            quoted.add(new QuotedTick(tick.tick(), book.quote(tick.tick(), currency, segment)));
        }
        return new TickPage(quoted, more ? page.get(page.size() - 1).position() : null);
    }

    /**
     * Returns the bars of {@code productId} at {@code resolution} of the buckets that start in [{@code
     * fromNanos}, {@code toNanos}), both bucket starts, quoted in {@code currency} for {@code segment}.
     *
     * @throws NotFoundException when the product is unknown
     */
    public List<QuotedBar> bars(
            String productId,
            BarResolution resolution,
            long fromNanos,
            long toNanos,
            Currency currency,
            Segment segment) {
        requireStored();
        Currency listing = book.listingCurrency(productId);
        book.requireSupported(currency);
        awaitStored();
        List<StoredBar> stored =
                switch (resolution) {
                    case ONE_SECOND -> secondBars(productId, listing, fromNanos, toNanos);
                    case ONE_MINUTE, ONE_HOUR, ONE_DAY ->
                        store.bars(productId, listing, resolution, fromNanos, toNanos);
                    case FIVE_MINUTES ->
                        rollUp(
                                store.bars(productId, listing, BarResolution.ONE_MINUTE, fromNanos, toNanos),
                                resolution);
                };
        // Neighbouring bars share most of their prices: each distinct stored price is quoted once per request.
        Map<StoredPrice, Amount> quotes = new HashMap<>();
        Function<StoredPrice, Amount> quote = price -> book.discountedPrice(price, currency, segment);
        List<QuotedBar> quoted = new ArrayList<>(stored.size());
        for (StoredBar bar : stored) {
            quoted.add(new QuotedBar(
                    bar.bucketStartNanos(),
                    bar.bucketStartNanos() + resolution.nanos(),
                    quotes.computeIfAbsent(bar.open(), quote),
                    quotes.computeIfAbsent(bar.high(), quote),
                    quotes.computeIfAbsent(bar.low(), quote),
                    quotes.computeIfAbsent(bar.close(), quote),
                    bar.tickCount()));
        }
        return quoted;
    }

    /**
     * Returns at most {@code limit} + 1 stored ticks of {@code
     * productId} from {@code sinceNanos} on that come before {@code snapshot}: every tick of another incarnation
     * and every tick of the snapshot's incarnation with a lower sequence number. One more than the limit tells
     * the caller that the replay is too long. Call it once {@link #flushed()} completed after
     * the snapshot was taken, so that every change up to the snapshot is stored.
     */
    public List<PriceTick> replayBefore(PriceUpdate snapshot, long sinceNanos, int limit) {
        requireStored();
        long incarnation = book.incarnation();
        Currency listing = book.listingCurrency(snapshot.productId());
        long untilNanos = Nanos.of(snapshot.eventTime()) + 1;
        List<PriceTick> replay = new ArrayList<>();
        TickPosition after = TickPosition.START;
        while (replay.size() <= limit) {
            List<StoredTick> chunk =
                    store.ticks(snapshot.productId(), listing, sinceNanos, untilNanos, after, TICK_READ_CHUNK);
            for (StoredTick stored : chunk) {
                PriceTick tick = stored.tick();
                if (tick.incarnation() != incarnation || tick.sequenceNumber() < snapshot.sequenceNumber()) {
                    replay.add(tick);
                }
            }
            if (chunk.size() < TICK_READ_CHUNK) {
                break;
            }
            after = chunk.get(chunk.size() - 1).position();
        }
        return replay.size() > limit + 1 ? replay.subList(0, limit + 1) : replay;
    }

    /** Returns a future that completes once every change recorded before this call is stored (or dropped). */
    public CompletableFuture<Void> flushed() {
        return writer().flushed();
    }

    /** Returns {@code tick} quoted in {@code currency} for {@code segment} as it was quoted when it happened. */
    public Quote quote(PriceTick tick, Currency currency, Segment segment) {
        return book.quote(tick, currency, segment);
    }

    /**
     * Waits a little for the changes recorded so far to be stored, so that history shows what GetPrice showed
     * before; when the store is slower than that, history is read as it is.
     */
    private void awaitStored() {
        try {
            writer().flushed().get(READ_YOUR_CHANGES_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Read what is stored.
        }
    }

    private HistoryWriter writer() {
        HistoryWriter stored = writer;
        if (stored == null) {
            throw new HistoryOffException();
        }
        return stored;
    }

    private List<StoredBar> secondBars(String productId, Currency listing, long fromNanos, long toNanos) {
        List<StoredBar> bars = new ArrayList<>();
        TickPosition after = TickPosition.START;
        while (true) {
            List<StoredTick> chunk = store.ticks(productId, listing, fromNanos, toNanos, after, TICK_READ_CHUNK);
            for (StoredTick stored : chunk) {
                addTo(
                        bars,
                        StoredBar.of(
                                BarResolution.ONE_SECOND.bucketStart(
                                        stored.tick().eventTimeNanos()),
                                stored.tick()));
            }
            if (chunk.size() < TICK_READ_CHUNK) {
                return bars;
            }
            after = chunk.get(chunk.size() - 1).position();
        }
    }

    private static List<StoredBar> rollUp(List<StoredBar> minuteBars, BarResolution resolution) {
        List<StoredBar> bars = new ArrayList<>();
        for (StoredBar minute : minuteBars) {
            long bucket = resolution.bucketStart(minute.bucketStartNanos());
            addTo(
                    bars,
                    new StoredBar(
                            bucket,
                            minute.openTimeNanos(),
                            minute.open(),
                            minute.high(),
                            minute.low(),
                            minute.closeTimeNanos(),
                            minute.close(),
                            minute.tickCount()));
        }
        return bars;
    }

    /** Merges {@code bar} into the last of {@code bars} when both are of one bucket, else appends it. */
    private static void addTo(List<StoredBar> bars, StoredBar bar) {
        int last = bars.size() - 1;
        if (last >= 0 && bars.get(last).bucketStartNanos() == bar.bucketStartNanos()) {
            bars.set(last, bars.get(last).merge(bar.bucketStartNanos(), bar));
        } else {
            bars.add(bar);
        }
    }

    /** A page of quoted ticks and the position after which the next page starts; null on the last page. */
    public record TickPage(List<QuotedTick> ticks, @Nullable TickPosition next) {}

    /** A stored tick and its quote. */
    public record QuotedTick(PriceTick tick, Quote quote) {}

    /** One bar, quoted: what the segment pays after the bucket's first, highest, lowest and last tick. */
    public record QuotedBar(
            long startNanos, long endNanos, Amount open, Amount high, Amount low, Amount close, long tickCount) {}
}
