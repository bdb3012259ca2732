package io.tickscope.server.pricing;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the price book's changes to a {@link PriceHistoryStore} in batches, on a thread of its own, so that the
 * market never waits for the database, and deletes history older than the retention.
 *
 * <p>{@link #record} only appends to an in-memory list under a small lock; the writer thread swaps the whole list for
 * an empty one at once, holding the lock for no longer than that, and stores what it took in transactions of up to
 * {@value #MAX_BATCH}, so batches grow with the rate (at 20,000 changes a second one transaction carries a few
 * thousand). Taking the changes one by one under the lock made the market's thread wait for the writer at high rates.
 * Large transactions are what lets SQLite keep up at all at high rates: a batch rewrites each index page and each bar
 * it touches once, and at 10,000 products it touches most of them (on the bench's run: about 28,000 changes a second
 * stored in transactions of 20,000, about 70,000 in transactions of 200,000, see {@code HistoryWriterThroughput}).
 * Nothing is conflated: bars must equal what the stored ticks give, and a replay must show every change. Only when the
 * store falls behind for long (the queue holds {@value #QUEUE_CAPACITY} changes, about 50 s at 20,000 a second) are new
 * changes dropped, and counted in {@link #droppedCount()}: losing history is better than stalling prices or running out
 * of memory.
 *
 * <p>{@link #flushed()} tells when everything recorded so far is stored, which lets a replaying watch read its
 * history up to its live snapshot.
 */
public final class HistoryWriter implements TickRecorder, AutoCloseable {

    static final int QUEUE_CAPACITY = 1 << 20;
    private static final int MAX_BATCH = 200_000;
    private static final int PRUNE_CHUNK = 20_000;
    private static final Duration PRUNE_INTERVAL = Duration.ofMinutes(1);
    private static final Duration RETRY_DELAY = Duration.ofSeconds(1);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private static final Logger logger = LoggerFactory.getLogger(HistoryWriter.class);

    private final PriceHistoryStore store;
    private final long incarnation;
    private final boolean recordsReplicated;
    private final Duration retention;
    private final Clock clock;
    private final Thread thread;

    private final Object lock = new Object();
    /** Changes recorded since the writer last took them; under {@link #lock}. */
    private List<PriceTick> incoming = new ArrayList<>();
    /** Ticks ever queued; under {@link #lock}. */
    private long queued;
    /** Ticks ever stored, counted in queue order; under {@link #lock}. */
    private long stored;

    private long dropped;
    private boolean closing;
    private final List<Barrier> barriers = new ArrayList<>();

    /**
     * Creates a writer of the changes of a book of {@code incarnation} into {@code store}, keeping {@code
     * retention} of history; {@link #start()} starts it.
     *
     * @param recordsReplicated whether to store the changes other replicas made too (a store of this server's
     *     own), or only this server's (a store the replicas share, where each change is stored once by its maker)
     */
    public HistoryWriter(
            PriceHistoryStore store, long incarnation, boolean recordsReplicated, Duration retention, Clock clock) {
        this.store = requireNonNull(store, "store");
        this.incarnation = incarnation;
        this.recordsReplicated = recordsReplicated;
        this.retention = requireNonNull(retention, "retention");
        this.clock = requireNonNull(clock, "clock");
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention: " + retention + " (expected: > 0)");
        }
        thread = new Thread(this::run, "tickscope-history-writer");
        thread.setDaemon(true);
    }

    /** Starts writing. */
    public void start() {
        thread.start();
    }

    @Override
    public void record(PriceUpdate change, boolean madeHere) {
        if (!madeHere && !recordsReplicated) {
            return;
        }
        PriceTick tick = PriceTick.of(change, incarnation);
        synchronized (lock) {
            if (queued - stored >= QUEUE_CAPACITY || closing) {
                dropped++;
                return;
            }
            incoming.add(tick);
            queued++;
            if (incoming.size() == 1) {
                lock.notifyAll();
            }
        }
    }

    /** Returns a future that completes once every change recorded before this call is stored (or dropped). */
    public CompletableFuture<Void> flushed() {
        synchronized (lock) {
            if (stored >= queued) {
                return CompletableFuture.completedFuture(null);
            }
            Barrier barrier = new Barrier(queued, new CompletableFuture<>());
            barriers.add(barrier);
            return barrier.future;
        }
    }

    /** Returns how many changes were dropped because the store fell too far behind. */
    public long droppedCount() {
        synchronized (lock) {
            return dropped;
        }
    }

    /** Returns how many changes wait to be stored. */
    public int backlog() {
        synchronized (lock) {
            return (int) (queued - stored);
        }
    }

    /** Stores what is queued (waiting up to a few seconds), then stops the thread. */
    @Override
    public void close() {
        synchronized (lock) {
            closing = true;
            lock.notifyAll();
        }
        try {
            thread.join(CLOSE_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            thread.interrupt();
        }
    }

    private void run() {
        long nextPruneNanos = System.nanoTime();
        List<PriceTick> taken = new ArrayList<>();
        while (true) {
            boolean stop;
            synchronized (lock) {
                if (incoming.isEmpty() && !closing) {
                    try {
                        lock.wait(PRUNE_INTERVAL.toMillis());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                List<PriceTick> recorded = incoming;
                incoming = taken;
                taken = recorded;
                stop = closing;
            }
            for (int from = 0; from < taken.size(); from += MAX_BATCH) {
                List<PriceTick> batch = taken.subList(from, Math.min(taken.size(), from + MAX_BATCH));
                if (!storeWithRetries(batch)) {
                    return;
                }
                synchronized (lock) {
                    stored += batch.size();
                    completeBarriers();
                }
            }
            taken.clear();
            if (stop) {
                return;
            }
            if (System.nanoTime() - nextPruneNanos >= 0) {
                pruneOnce();
                nextPruneNanos = System.nanoTime() + PRUNE_INTERVAL.toNanos();
            }
        }
    }

    /** Stores {@code batch}, trying again while the store fails; false when interrupted meanwhile. */
    private boolean storeWithRetries(List<PriceTick> batch) {
        while (true) {
            try {
                store.append(batch);
                return true;
            } catch (RuntimeException e) {
                boolean closingNow;
                synchronized (lock) {
                    closingNow = closing;
                }
                if (closingNow) {
                    // Expected when close() gave up waiting on a long backlog and the database closed under us:
                    // one line that says what is lost, not a stack trace per server stop.
                    logger.warn(
                            "Stopped with {} price changes not stored: the store closed before the writer caught"
                                    + " up ({})",
                            backlog(),
                            e.getMessage());
                    return false;
                }
                logger.warn("Cannot store {} price ticks; trying again in {}", batch.size(), RETRY_DELAY, e);
                try {
                    TimeUnit.MILLISECONDS.sleep(RETRY_DELAY.toMillis());
                } catch (InterruptedException interrupted) {
                    return false;
                }
            }
        }
    }

    /** Deletes history older than the retention, a chunk at a time so that writers never wait long. */
    private void pruneOnce() {
        long cutoff = Nanos.of(clock.instant().minus(retention));
        try {
            int deleted;
            long total = 0;
            do {
                deleted = store.prune(cutoff, PRUNE_CHUNK);
                total += deleted;
            } while (deleted >= PRUNE_CHUNK && backlog() < MAX_BATCH);
            if (total > 0) {
                logger.info("Pruned {} rows of price history older than {}", total, retention);
            }
        } catch (RuntimeException e) {
            logger.warn("Cannot prune price history; trying again in {}", PRUNE_INTERVAL, e);
        }
    }

    private void completeBarriers() {
        for (Iterator<Barrier> it = barriers.iterator(); it.hasNext(); ) {
            Barrier barrier = it.next();
            if (barrier.upTo <= stored) {
                barrier.future.complete(null);
                it.remove();
            }
        }
    }

    private record Barrier(long upTo, CompletableFuture<Void> future) {}
}
