package io.tickscope.desktop.replay;

import static java.util.Objects.requireNonNull;

import io.tickscope.desktop.model.RecordedTick;
import io.tickscope.desktop.model.WatchRequest;
import io.tickscope.desktop.rpc.CallHandle;
import io.tickscope.desktop.rpc.PriceFeed;
import io.tickscope.desktop.rpc.PriceWatchListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Plays a recording back as a price feed, on a thread of its own (as a gRPC thread delivers a live watch):
 * each tick when its recorded receive time comes, at 1x, 10x or 100x the recorded pace; paused; or one tick
 * per step. Pausing, stepping or changing speed keeps the position. Every tick is delivered, in order, and the
 * feed asks the watchlist to show every one.
 */
public final class ReplayPlayer implements PriceFeed, AutoCloseable {

    /** The speeds offered. */
    public static final List<Integer> SPEEDS = List.of(1, 10, 100);

    private final List<RecordedTick> ticks;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Thread thread;

    // Guarded by lock.
    private int position;
    private int speed = 1;
    private boolean paused;
    private int stepsAsked;
    private boolean closed;
    private long anchorNanos;
    private Instant anchorRecorded;
    private @Nullable PriceWatchListener listener;

    private volatile int delivered;
    private volatile Instant recordedNow;

    public ReplayPlayer(List<RecordedTick> ticks) {
        this.ticks = List.copyOf(ticks);
        if (this.ticks.isEmpty()) {
            throw new IllegalArgumentException("recording: no updates (expected: at least one)");
        }
        anchorRecorded = this.ticks.get(0).receivedAt();
        recordedNow = anchorRecorded;
        thread = new Thread(this::run, "tickscope-replay");
        thread.setDaemon(true);
    }

    /** The recorded products, in the order they first appear. */
    public List<String> productIds() {
        Set<String> ids = new LinkedHashSet<>();
        ticks.forEach(tick -> ids.add(tick.tick().productId()));
        return List.copyOf(ids);
    }

    /** The currency the recording was quoted in (that of its first update). */
    public Currency currency() {
        return ticks.get(0).tick().quote().basePrice().currency();
    }

    public int size() {
        return ticks.size();
    }

    /** How many ticks were delivered so far. */
    public int delivered() {
        return delivered;
    }

    /** The recorded receive time of the last tick delivered: where the replay is in the recording's time. */
    public Instant recordedNow() {
        return recordedNow;
    }

    /** How long the recording lasts, first update to last. */
    public Duration length() {
        return Duration.between(
                ticks.get(0).receivedAt(), ticks.get(ticks.size() - 1).receivedAt());
    }

    /** A clock that reads the recording's time, so ages and countdowns show as they were when recorded. */
    public Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return recordedNow;
            }
        };
    }

    @Override
    public boolean showsEveryTick() {
        return true;
    }

    /** Starts (or goes on) delivering to {@code listener}; the request's products are those recorded. */
    @Override
    public CallHandle watch(WatchRequest request, PriceWatchListener listener) {
        requireNonNull(listener, "listener");
        lock.lock();
        try {
            this.listener = listener;
            reanchor();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (thread.getState() == Thread.State.NEW) {
            thread.start();
        }
        return () -> {
            lock.lock();
            try {
                if (this.listener == listener) {
                    this.listener = null;
                }
            } finally {
                lock.unlock();
            }
        };
    }

    public boolean isPaused() {
        return withLock(() -> paused);
    }

    public int speed() {
        return withLock(() -> speed);
    }

    public boolean isAtEnd() {
        return delivered >= ticks.size();
    }

    public void pause() {
        update(() -> paused = true);
    }

    public void play() {
        update(() -> paused = false);
    }

    /** Delivers the next tick now and stays paused. */
    public void step() {
        update(() -> {
            paused = true;
            stepsAsked++;
        });
    }

    public void setSpeed(int timesRecorded) {
        if (timesRecorded < 1) {
            throw new IllegalArgumentException("speed: " + timesRecorded + " (expected: >= 1)");
        }
        update(() -> speed = timesRecorded);
    }

    @Override
    public void close() {
        update(() -> closed = true);
        thread.interrupt();
    }

    private void update(Runnable change) {
        lock.lock();
        try {
            change.run();
            reanchor();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Measures the next tick's due time from now: a resumed or faster replay goes on from where it is. */
    private void reanchor() {
        anchorNanos = System.nanoTime();
        anchorRecorded = position < ticks.size() ? ticks.get(position).receivedAt() : recordedNow;
    }

    private <T> T withLock(Supplier<T> read) {
        lock.lock();
        try {
            return read.get();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        try {
            while (true) {
                RecordedTick next;
                PriceWatchListener target;
                lock.lock();
                try {
                    if (closed) {
                        return;
                    }
                    target = listener;
                    if (target == null || position >= ticks.size() || (paused && stepsAsked == 0)) {
                        changed.await();
                        continue;
                    }
                    next = ticks.get(position);
                    if (stepsAsked > 0) {
                        stepsAsked--;
                    } else {
                        long dueNanos = anchorNanos
                                + Duration.between(anchorRecorded, next.receivedAt())
                                                .toNanos()
                                        / speed;
                        long waitNanos = dueNanos - System.nanoTime();
                        if (waitNanos > 0) {
                            changed.awaitNanos(waitNanos);
                            continue;
                        }
                    }
                    position++;
                } finally {
                    lock.unlock();
                }
                recordedNow = next.receivedAt();
                target.onTick(next.tick());
                delivered = delivered + 1;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
