package io.tickscope.server.grpc;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The HTTP streams in progress, for the metrics: how many, and how many events the slowest one holds. */
public final class OpenHttpStreams {

    private final Set<HttpServerCall<?, ?>> calls = ConcurrentHashMap.newKeySet();

    /** Tracks {@code call} until the returned handle runs. */
    Runnable track(HttpServerCall<?, ?> call) {
        calls.add(call);
        return () -> calls.remove(call);
    }

    public int count() {
        return calls.size();
    }

    /** Returns the most events any one stream holds for its client: bounded, however slowly clients read. */
    public int maxUnconsumed() {
        return calls.stream().mapToInt(HttpServerCall::unconsumed).max().orElse(0);
    }
}
