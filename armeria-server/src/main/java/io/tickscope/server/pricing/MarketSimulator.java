package io.tickscope.server.pricing;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the prices of the {@link PriceBook} like a market: each move takes a random product a few tenths of a
 * percent up or down, and now and then starts a flash sale of 10 to 50 % for 30 seconds to 5 minutes.
 *
 * <p>All moves are drawn on one dedicated daemon thread, in a batch every {@value #PERIOD_MILLIS} ms. Each batch
 * owes the rate divided by the periods per second and carries the remainder over, so the count is exact over
 * every second (for example 333 changes per second make batches of 3 and 4). The moves follow from the seed
 * alone: with the same seed, catalogue and clock, two simulators make the same changes.
 *
 * <p>When the book's changes block (a cluster's replica, where each change waits for the broker to store it), a
 * batch's products are changed side by side, up to {@value #CHANGES_IN_FLIGHT} at a time, each product's moves
 * still one after another in the order drawn: one after the other, the market could make no more changes a
 * second than the broker has round trips (about 300 a second on a busy two-core machine, short of the default
 * rate).
 */
public final class MarketSimulator implements AutoCloseable {

    /** The default rate: changes per second across the whole catalogue. */
    public static final int DEFAULT_CHANGES_PER_SECOND = 1_000;

    private static final long PERIOD_MILLIS = 10;
    private static final int PERIODS_PER_SECOND = (int) (1_000 / PERIOD_MILLIS);

    /** The largest move, in basis points: 0.3 %. */
    private static final int MAX_MOVE_BASIS_POINTS = 30;
    /** One move in this many starts a flash sale: about one every two seconds at the default rate. */
    private static final int FLASH_SALE_ONE_IN = 2_000;

    private static final int MIN_SALE_DISCOUNT_BASIS_POINTS = 1_000;
    private static final int MAX_SALE_DISCOUNT_BASIS_POINTS = 5_000;
    private static final int MIN_SALE_SECONDS = 30;
    private static final int MAX_SALE_SECONDS = 300;
    /**
     * How many products' changes wait for the broker at once in a cluster: enough to cover the default rate many
     * times over at a millisecond per round trip, few enough that the threads stay cheap.
     */
    private static final int CHANGES_IN_FLIGHT = 16;

    private static final Logger logger = LoggerFactory.getLogger(MarketSimulator.class);

    private final PriceBook book;
    private final int productCount;
    /** Used on the market thread only, or by a caller of {@link #makeMoves} before the simulator starts. */
    private final SplittableRandom random;

    private volatile int changesPerSecond;

    /** Changes owed but not yet made, in hundredths of a change (one period's share); market thread only. */
    private long owed;

    /** Whether the last batch failed, so that a journal that stays away is logged once, not every period. */
    private boolean failing;

    private boolean started;
    private boolean closed;
    private @Nullable ScheduledExecutorService marketThread;
    /** Where a cluster's changes wait for the broker, side by side; null where changes do not block. */
    private final @Nullable ExecutorService changesInFlight;

    /** Creates a simulator of {@code book} that makes {@code changesPerSecond} changes, 0 for none. */
    public MarketSimulator(PriceBook book, long seed, int changesPerSecond) {
        this.book = requireNonNull(book, "book");
        productCount = book.productIds().size();
        random = new SplittableRandom(seed);
        this.changesPerSecond = checkRate(changesPerSecond);
        changesInFlight = book.changesBlock()
                ? Executors.newFixedThreadPool(CHANGES_IN_FLIGHT, task -> {
                    Thread thread = new Thread(task, "tickscope-market-change");
                    thread.setDaemon(true);
                    return thread;
                })
                : null;
    }

    /** Starts moving prices; at a rate of 0 the market thread starts only when the rate rises. */
    public synchronized void start() {
        if (started || closed) {
            throw new IllegalStateException("simulator: " + (closed ? "closed" : "started") + " (expected: new)");
        }
        started = true;
        startTicksIfDue();
    }

    /** Changes the rate from the next period on; 0 pauses the market. */
    public synchronized void setChangesPerSecond(int changesPerSecond) {
        this.changesPerSecond = checkRate(changesPerSecond);
        startTicksIfDue();
    }

    /** Returns the current rate in changes per second. */
    public int changesPerSecond() {
        return changesPerSecond;
    }

    /** Stops moving prices; waits for a batch in progress to finish. */
    @Override
    public void close() {
        ScheduledExecutorService executor;
        synchronized (this) {
            closed = true;
            executor = marketThread;
        }
        if (executor != null) {
            executor.shutdown();
            awaitTermination(executor, "The market thread");
        }
        // After the market thread: a batch in progress still hands its changes over.
        if (changesInFlight != null) {
            changesInFlight.shutdown();
            awaitTermination(changesInFlight, "The market's changes in flight");
        }
    }

    private static void awaitTermination(ExecutorService executor, String what) {
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                logger.warn("{} did not stop within 10 s", what);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Makes {@code count} moves, drawn on the calling thread, and returns once all are applied. */
    void makeMoves(int count) {
        ExecutorService inFlight = changesInFlight;
        if (inFlight == null) {
            // In process a change does not wait: apply each as drawn, with nothing gathered on the way.
            for (int i = 0; i < count; i++) {
                apply(drawMove());
            }
            return;
        }
        Map<Integer, List<Move>> movesByProduct = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            Move move = drawMove();
            movesByProduct
                    .computeIfAbsent(move.productIndex(), index -> new ArrayList<>())
                    .add(move);
        }
        List<Future<?>> changing = new ArrayList<>(movesByProduct.size());
        for (List<Move> moves : movesByProduct.values()) {
            changing.add(inFlight.submit(() -> moves.forEach(this::apply)));
        }
        awaitAll(changing);
    }

    /** Draws the next move from the seed: always in this order, so that a seed makes the same moves either way. */
    private Move drawMove() {
        int productIndex = random.nextInt(productCount);
        int changeBasisPoints = random.nextInt(-MAX_MOVE_BASIS_POINTS, MAX_MOVE_BASIS_POINTS + 1);
        return new Move(productIndex, changeBasisPoints, random.nextInt(FLASH_SALE_ONE_IN) == 0 ? flashSale() : null);
    }

    private void apply(Move move) {
        book.applyMarketMove(move.productIndex(), move.changeBasisPoints(), move.newSale());
    }

    /** Waits for every change of a batch, then throws the first failure, so that a failing journal stops it. */
    private static void awaitAll(List<Future<?>> changing) {
        @Nullable RuntimeException failure = null;
        for (Future<?> change : changing) {
            try {
                change.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException runtime
                            ? runtime
                            : new IllegalStateException("a market move failed", e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PriceJournalUnavailableException("interrupted while the market's changes were recorded", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private Sale flashSale() {
        int discount = random.nextInt(MIN_SALE_DISCOUNT_BASIS_POINTS, MAX_SALE_DISCOUNT_BASIS_POINTS + 1);
        Duration length = Duration.ofSeconds(random.nextInt(MIN_SALE_SECONDS, MAX_SALE_SECONDS + 1));
        return new Sale(discount, book.clock().instant().plus(length));
    }

    private void startTicksIfDue() {
        if (!started || closed || marketThread != null || changesPerSecond == 0 || productCount == 0) {
            return;
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "tickscope-market");
            thread.setDaemon(true);
            return thread;
        });
        // At a fixed rate, a late period is followed by catch-up periods, so the rate holds over each second.
        executor.scheduleAtFixedRate(this::tick, 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        marketThread = executor;
    }

    private void tick() {
        try {
            owed += changesPerSecond;
            int moves = (int) (owed / PERIODS_PER_SECOND);
            owed %= PERIODS_PER_SECOND;
            makeMoves(moves);
            if (failing && moves > 0) {
                failing = false;
                logger.info("Market moves succeed again");
            }
        } catch (PriceJournalUnavailableException e) {
            // The broker is away or the market lease is lost: the batch stops; later periods try again.
            if (!failing) {
                failing = true;
                logger.warn("Market moves fail until the price journal takes them again: {}", e.getMessage());
            }
        } catch (RuntimeException e) {
            // A periodic task that throws is never run again; the market keeps moving instead.
            logger.warn("A market move failed", e);
        }
    }

    /** One drawn move of one product, by its index in the book's product ids. */
    private record Move(int productIndex, int changeBasisPoints, @Nullable Sale newSale) {}

    private static int checkRate(int changesPerSecond) {
        if (changesPerSecond < 0) {
            throw new IllegalArgumentException("changesPerSecond: " + changesPerSecond + " (expected: >= 0)");
        }
        return changesPerSecond;
    }
}
