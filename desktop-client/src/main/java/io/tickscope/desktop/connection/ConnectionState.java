package io.tickscope.desktop.connection;

import io.grpc.ConnectivityState;

/** The channel's state as the status bar names it. */
public enum ConnectionState {
    CONNECTING("connecting"),
    READY("ready"),
    RECONNECTING("reconnecting"),
    IDLE("idle"),
    SHUT_DOWN("shut down");

    private final String label;

    ConnectionState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * Maps gRPC's state: a transient failure, and connecting again after one, are both "reconnecting", so the
     * user sees that the server went away rather than a flicker between states.
     */
    static ConnectionState of(ConnectivityState state, boolean wasReadyBefore) {
        switch (state) {
            case CONNECTING:
                return wasReadyBefore ? RECONNECTING : CONNECTING;
            case READY:
                return READY;
            case TRANSIENT_FAILURE:
                return RECONNECTING;
            case IDLE:
                return IDLE;
            case SHUTDOWN:
                return SHUT_DOWN;
        }
        throw new IllegalArgumentException("state: " + state + " (expected: a gRPC connectivity state)");
    }
}
