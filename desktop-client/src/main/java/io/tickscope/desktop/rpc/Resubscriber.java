package io.tickscope.desktop.rpc;

import static java.util.Objects.requireNonNull;

import io.grpc.Status;
import io.tickscope.desktop.connection.ConnectionMonitor;
import io.tickscope.desktop.connection.ConnectionState;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Keeps an open-ended stream open across failures that may pass: each attempt is one call; when the current
 * one ends because the server went away or is restarting, the next starts after a backoff, or at once when
 * the channel reports it is ready again. The price watch and the recommendation session both come back this
 * way, so they come back together.
 *
 * @param <A> one attempt: the observer of one call
 */
final class Resubscriber<A> implements AutoCloseable {

    /** Failures worth another try: the server went away, is restarting, or shed load. */
    private static final Set<Status.Code> RETRYABLE =
            Set.of(Status.Code.UNAVAILABLE, Status.Code.ABORTED, Status.Code.RESOURCE_EXHAUSTED);

    /** What a stream does with its attempts, and what it tells its listener when one ends. */
    interface Calls<A> {

        /** Returns the observer of a call not started yet. */
        A newAttempt();

        /** Starts the call of {@code attempt}. */
        void start(A attempt);

        /** Ends the call of {@code attempt}, which the stream no longer wants. */
        void stop(A attempt);

        /** The current call ended with {@code status}, which may pass; the next starts in {@code retryIn}. */
        void interrupted(Status status, Duration retryIn);

        /** The current call ended with {@code status}, which will not pass; no other starts. */
        void failed(Status status);
    }

    /** How long streams wait before trying again: from a quarter second, doubling, to ten seconds at most. */
    static final Backoff BACKOFF =
            new Backoff(Duration.ofMillis(250), Duration.ofSeconds(10), () -> ThreadLocalRandom.current()
                    .nextDouble());

    private final Calls<A> calls;
    private final ScheduledExecutorService scheduler;
    private final Backoff backoff;
    private final ConnectionMonitor connection;
    private Runnable unsubscribeFromConnection = () -> {};

    private final Object lock = new Object();
    /** The call now running or about to run; callbacks of others are ignored. Written under lock. */
    private volatile @Nullable A current;
    /** The attempt waiting for its backoff to pass. Guarded by lock. */
    private @Nullable ScheduledFuture<?> pendingRetry;
    /** Failures since an attempt last proved the stream works. Guarded by lock. */
    private int failuresInARow;
    /** Guarded by lock. */
    private boolean closed;

    Resubscriber(Calls<A> calls, ScheduledExecutorService scheduler, Backoff backoff, ConnectionMonitor connection) {
        this.calls = requireNonNull(calls, "calls");
        this.scheduler = requireNonNull(scheduler, "scheduler");
        this.backoff = requireNonNull(backoff, "backoff");
        this.connection = requireNonNull(connection, "connection");
    }

    /** Starts the first attempt and follows the channel from now on. */
    void start() {
        unsubscribeFromConnection = connection.subscribe(this::onConnectionState);
        subscribe();
    }

    /** Returns the attempt now running or about to run, or null while waiting to retry or once closed. */
    @Nullable
    A current() {
        return current;
    }

    /** Returns whether {@code attempt} is the current one; a replaced attempt keeps its news to itself. */
    boolean isCurrent(A attempt) {
        return current == attempt;
    }

    /**
     * Records that {@code attempt} proved the stream works (it delivered something only a working stream
     * does), so the backoff starts over at the next failure.
     */
    void recovered(A attempt) {
        synchronized (lock) {
            if (current == attempt) {
                failuresInARow = 0;
            }
        }
    }

    /**
     * Records that the call of {@code attempt} ended with {@code status}: when it is the current one, tells
     * the stream whether it was interrupted (and schedules the next attempt) or failed for good.
     */
    void ended(A attempt, Status status) {
        boolean retry = RETRYABLE.contains(status.getCode());
        Duration delay = Duration.ZERO;
        synchronized (lock) {
            if (closed || current != attempt) {
                return;
            }
            current = null;
            if (retry) {
                failuresInARow++;
                delay = backoff.delayAfter(failuresInARow);
                try {
                    pendingRetry = scheduler.schedule(this::subscribe, delay.toNanos(), TimeUnit.NANOSECONDS);
                } catch (RejectedExecutionException shutDown) {
                    // The application is closing its connection: there is nothing to come back to.
                    retry = false;
                }
            }
        }
        if (retry) {
            calls.interrupted(status, delay);
        } else {
            calls.failed(status);
        }
    }

    /** Stops the current attempt and any pending one; the stream hears nothing more. */
    @Override
    public void close() {
        A running;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            running = current;
            current = null;
            if (pendingRetry != null) {
                pendingRetry.cancel(false);
                pendingRetry = null;
            }
        }
        unsubscribeFromConnection.run();
        if (running != null) {
            calls.stop(running);
        }
    }

    private void subscribe() {
        A attempt = calls.newAttempt();
        synchronized (lock) {
            if (closed) {
                return;
            }
            pendingRetry = null;
            current = attempt;
        }
        calls.start(attempt);
    }

    /** A channel that is ready again is worth trying at once, without waiting out the backoff. */
    private void onConnectionState(ConnectionState state) {
        if (state != ConnectionState.READY) {
            return;
        }
        synchronized (lock) {
            if (closed || pendingRetry == null || !pendingRetry.cancel(false)) {
                return;
            }
            pendingRetry = null;
        }
        subscribe();
    }
}
