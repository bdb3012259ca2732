package io.tickscope.server.pricing;

/**
 * Thrown when price history is asked of a server that stores none ({@code --history off}): the request is fine,
 * the server is not set up to answer it (gRPC FAILED_PRECONDITION).
 */
public final class HistoryOffException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public HistoryOffException() {
        super("price history is off on this server (started with --history off): it stores no price changes,"
                + " so it has no ticks, bars or replays to give");
    }
}
