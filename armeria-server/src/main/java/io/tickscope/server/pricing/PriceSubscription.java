package io.tickscope.server.pricing;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One watcher of the {@link PriceBus}: a mailbox of the updates not yet delivered and the delivery of them to
 * the watcher's {@link PriceSink}.
 *
 * <h2>Bounded memory</h2>
 *
 * <p>The mailbox is a {@link ConflatingQueue} with one slot per watched product, so it never holds more than
 * one update per watched product, whatever the rate of changes or however long the watcher stalls: when the
 * watcher falls behind, it later receives the latest price of each product it missed, in the order the
 * products first fell behind. Closing the subscription drops the mailbox.
 *
 * <h2>Threads</h2>
 *
 * <p>{@link #offer} runs on publishing threads (the market thread, feeders); {@link #drain} runs on the
 * delivery executor; {@link #onReady()} runs on the transport's thread and {@link #close()} on any thread.
 * One small lock guards the mailbox and three flags. It is held only for a few array operations, never while
 * calling the sink or the executor, so a publisher never waits for a watcher and sink code never runs on a
 * publishing thread. Publishing costs each interested subscription one lock, one array write and, only when
 * delivery is idle, one task submitted to its executor.
 *
 * <ul>
 *   <li>{@code draining}: a drain task is submitted or running. At most one exists at a time, so the sink is
 *       never called concurrently; the lock orders consecutive drain tasks even on a multi-threaded executor.
 *   <li>{@code awaitingReady}: a drain found the sink not ready and stopped. Offers then only fill the
 *       mailbox; only {@link #onReady()} restarts delivery, so a stalled watcher costs publishers no tasks.
 *   <li>{@code readySignalled}: {@link #onReady()} arrived while a drain ran. A drain that finds the sink not
 *       ready checks this flag before it stops, and tries again when it is set, so an on-ready signal that
 *       races with the drain's decision to stop is never lost.
 * </ul>
 *
 * <p>A drain task delivers at most {@value #MAX_DELIVERIES_PER_TASK} updates and then submits a new task, so
 * a busy watcher never holds an event loop that other connections share.
 */
public final class PriceSubscription implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(PriceSubscription.class);

    private static final int MAX_DELIVERIES_PER_TASK = 1_024;

    private final Executor deliveryExecutor;
    private final PriceSink sink;
    private final Consumer<PriceSubscription> unsubscriber;
    private final Runnable drainTask = this::drain;
    private final Object lock = new Object();

    /** Null once the subscription is closed. */
    private @Nullable ConflatingQueue mailbox;

    /** Starts true: nothing is delivered until {@link #startDelivery()}, after the snapshot is queued. */
    private boolean draining = true;

    private boolean awaitingReady;

    /** Per watched product, the newest sequence number offered, so that no update is delivered twice. */
    private final long[] lastOfferedSequence;

    private boolean readySignalled;

    PriceSubscription(
            int productCount, Executor deliveryExecutor, PriceSink sink, Consumer<PriceSubscription> unsubscriber) {
        this.deliveryExecutor = requireNonNull(deliveryExecutor, "deliveryExecutor");
        this.sink = requireNonNull(sink, "sink");
        this.unsubscriber = requireNonNull(unsubscriber, "unsubscriber");
        mailbox = new ConflatingQueue(productCount);
        lastOfferedSequence = new long[productCount];
    }

    /**
     * Resumes delivery after the sink reported that it was not ready; call it from the transport's on-ready
     * handler. Extra calls are harmless.
     */
    public void onReady() {
        synchronized (lock) {
            if (mailbox == null) {
                return;
            }
            if (draining) {
                readySignalled = true;
                return;
            }
            awaitingReady = false;
            if (mailbox.size() == 0) {
                return;
            }
            draining = true;
        }
        submitDrain();
    }

    /** Returns how many updates wait for delivery: at most the number of watched products. */
    public int backlog() {
        synchronized (lock) {
            return mailbox == null ? 0 : mailbox.size();
        }
    }

    /** Returns whether the subscription still delivers updates. */
    public boolean isOpen() {
        synchronized (lock) {
            return mailbox != null;
        }
    }

    /**
     * Unsubscribes and drops the updates not yet delivered. A delivery already in progress on the delivery
     * executor completes; no other follows.
     */
    @Override
    public void close() {
        synchronized (lock) {
            if (mailbox == null) {
                return;
            }
            mailbox = null;
        }
        unsubscriber.accept(this);
    }

    /** Queues {@code update} for the watched product in {@code slot}; called by the bus on publishing threads. */
    void offer(int slot, PriceUpdate update) {
        synchronized (lock) {
            if (mailbox == null || isStale(slot, update)) {
                return;
            }
            lastOfferedSequence[slot] = Math.max(lastOfferedSequence[slot], update.sequenceNumber());
            mailbox.offer(slot, update);
            if (draining || awaitingReady) {
                return;
            }
            draining = true;
        }
        submitDrain();
    }

    /**
     * Returns whether {@code update} is a change the watcher got or will get already. A change that raced with
     * subscribing can come after the snapshot that holds it. Snapshots are never stale: they are queued
     * before delivery starts, and the mailbox merges each with any change queued for the product meanwhile,
     * so the watcher still sees the newest price first, as a snapshot.
     */
    private boolean isStale(int slot, PriceUpdate update) {
        return update.kind() == PriceUpdate.Kind.CHANGE && update.sequenceNumber() <= lastOfferedSequence[slot];
    }

    /** Starts delivering; called once by the bus after it queued the snapshot of every watched product. */
    void startDelivery() {
        submitDrain();
    }

    private void submitDrain() {
        try {
            deliveryExecutor.execute(drainTask);
        } catch (RejectedExecutionException e) {
            logger.warn("Closing a price subscription whose delivery executor rejected a task", e);
            close();
        }
    }

    private void drain() {
        int delivered = 0;
        while (true) {
            boolean ready;
            try {
                ready = sink.isReady();
            } catch (RuntimeException e) {
                closeAfterSinkFailure(e);
                return;
            }
            PriceUpdate next;
            synchronized (lock) {
                if (mailbox == null) {
                    return;
                }
                if (!ready) {
                    if (readySignalled) {
                        readySignalled = false;
                        continue;
                    }
                    awaitingReady = true;
                    draining = false;
                    return;
                }
                if (delivered == MAX_DELIVERIES_PER_TASK) {
                    break;
                }
                next = mailbox.poll();
                if (next == null) {
                    draining = false;
                    return;
                }
            }
            try {
                sink.deliver(next);
            } catch (RuntimeException e) {
                closeAfterSinkFailure(e);
                return;
            }
            delivered++;
        }
        // Still draining: yield the executor to other work and carry on in a fresh task.
        submitDrain();
    }

    private void closeAfterSinkFailure(RuntimeException e) {
        logger.warn("Closing a price subscription whose sink failed", e);
        close();
    }
}
