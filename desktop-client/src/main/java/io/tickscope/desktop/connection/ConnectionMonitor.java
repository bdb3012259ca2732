package io.tickscope.desktop.connection;

import static java.util.Objects.requireNonNull;

import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Follows the channel's connectivity state and tells every subscriber about each change. gRPC notifies once
 * per change, on its own threads; each subscriber decides which thread to move to.
 */
public final class ConnectionMonitor {

    private final ManagedChannel channel;
    private final List<Consumer<ConnectionState>> subscribers = new CopyOnWriteArrayList<>();
    private volatile ConnectionState current = ConnectionState.CONNECTING;
    private boolean wasReady;

    private ConnectionMonitor(ManagedChannel channel) {
        this.channel = channel;
    }

    /** Starts following {@code channel}, asking it to connect at once. */
    public static ConnectionMonitor start(ManagedChannel channel) {
        ConnectionMonitor monitor = new ConnectionMonitor(requireNonNull(channel, "channel"));
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
