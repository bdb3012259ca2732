package io.tickscope.bench.servers;

/** Where a plain grpc-java server runs service methods. */
public enum HandlerThreads {
    /** {@code directExecutor()}: on the Netty event loop, as Armeria runs them; right for non-blocking code. */
    EVENT_LOOP("event loop"),
    /** grpc-java's default: a cached thread pool, one hand-off per call; what a user gets without tuning. */
    DEFAULT_EXECUTOR("default executor");

    private final String label;

    HandlerThreads(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
