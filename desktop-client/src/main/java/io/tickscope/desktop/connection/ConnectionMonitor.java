package io.tickscope.desktop.connection;

import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import java.util.function.Consumer;

/**
 * Follows the channel's connectivity state and reports each change. gRPC notifies once per change, on its
 * own threads; the listener decides which thread to move to.
 */
public final class ConnectionMonitor {

    private final ManagedChannel channel;
    private final Consumer<ConnectionState> listener;
    private boolean wasReady;

    private ConnectionMonitor(ManagedChannel channel, Consumer<ConnectionState> listener) {
        this.channel = channel;
        this.listener = listener;
    }

    /** Starts following {@code channel}, connecting it at once, and reports the current state first. */
    public static void follow(ManagedChannel channel, Consumer<ConnectionState> listener) {
        new ConnectionMonitor(channel, listener).report(channel.getState(true));
    }

    private void report(ConnectivityState state) {
        listener.accept(ConnectionState.of(state, wasReady));
        wasReady |= state == ConnectivityState.READY;
        if (state != ConnectivityState.SHUTDOWN) {
            channel.notifyWhenStateChanged(state, () -> report(channel.getState(true)));
        }
    }
}
