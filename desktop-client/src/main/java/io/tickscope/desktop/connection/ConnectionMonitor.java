package io.tickscope.desktop.connection;

import static java.util.Objects.requireNonNull;

import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Follows the channel's connectivity state and tells every subscriber about each change. gRPC notifies once
 * per change, on its own threads; each subscriber decides which thread to move to.
 *
 * <p>While the channel cannot connect, the monitor asks it to try again every {@link #RECONNECT_PERIOD}: gRPC's
 * own reconnect backoff grows to two minutes, and a monitor on someone's desk should be back within a second
 * of its server, not minutes later. A failed attempt on a refused port costs next to nothing; a second between
 * prompts leaves a connection attempt on a slow machine time to complete.
 */
public final class ConnectionMonitor {

    /** How often a channel in transient failure is asked to reconnect at once. */
    public static final Duration RECONNECT_PERIOD = Duration.ofSeconds(1);

    private final ManagedChannel channel;
    private final List<Consumer<ConnectionState>> subscribers = new CopyOnWriteArrayList<>();
    private volatile ConnectionState current = ConnectionState.CONNECTING;
    private boolean wasReady;
    private volatile @Nullable ScheduledFuture<?> reconnecting;

    private ConnectionMonitor(ManagedChannel channel) {
        this.channel = channel;
    }

    /**
     * Starts following {@code channel}, asking it to connect at once, and to reconnect promptly whenever it
     * fails; the prompts run on {@code scheduler}.
     */
    public static ConnectionMonitor start(ManagedChannel channel, ScheduledExecutorService scheduler) {
        ConnectionMonitor monitor = new ConnectionMonitor(requireNonNull(channel, "channel"));
        monitor.reconnecting = requireNonNull(scheduler, "scheduler")
                .scheduleWithFixedDelay(
                        monitor::reconnectIfFailing,
                        RECONNECT_PERIOD.toNanos(),
                        RECONNECT_PERIOD.toNanos(),
                        TimeUnit.NANOSECONDS);
        monitor.report(channel.getState(true));
        return monitor;
    }

    /** Returns the state last reported by the channel. */
    public ConnectionState current() {
        return current;
    }

    /**
     * Tells {@code subscriber} the current state, then every change, until the returned handle runs. A change
     * racing with the subscription may be reported twice; subscribers treat states as levels, not events.
     */
    public Runnable subscribe(Consumer<ConnectionState> subscriber) {
        requireNonNull(subscriber, "subscriber");
        subscribers.add(subscriber);
        subscriber.accept(current);
        return () -> subscribers.remove(subscriber);
    }

    private void reconnectIfFailing() {
        ConnectivityState state = channel.getState(false);
        if (state == ConnectivityState.TRANSIENT_FAILURE) {
            // Skips the rest of gRPC's backoff: the next connection attempt starts now.
            channel.resetConnectBackoff();
        } else if (state == ConnectivityState.SHUTDOWN && reconnecting != null) {
            reconnecting.cancel(false);
        }
    }

    private void report(ConnectivityState state) {
        // gRPC calls back one change at a time, each after the previous one, so this needs no lock.
        ConnectionState reported = ConnectionState.of(state, wasReady);
        wasReady |= state == ConnectivityState.READY;
        current = reported;
        subscribers.forEach(subscriber -> subscriber.accept(reported));
        if (state != ConnectivityState.SHUTDOWN) {
            // Asking for the state with requestConnection=true keeps an idle channel connecting, so the status
            // shows a server that went away as reconnecting rather than idle.
            channel.notifyWhenStateChanged(state, () -> report(channel.getState(true)));
        }
    }
}
