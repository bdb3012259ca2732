package io.tickscope.server.grpc;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The streaming calls in progress, so that a stopping server can end each of them with UNAVAILABLE at once
 * instead of waiting for clients that never hang up. Clients take UNAVAILABLE as "reconnect elsewhere".
 */
public final class LiveStreams {

    static final Status SHUTTING_DOWN =
            Status.UNAVAILABLE.withDescription("server is shutting down; reconnect and subscribe again");

    private final Set<Consumer<Status>> closers = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    /**
     * Tracks a stream until the returned handle runs. {@code closer} ends the stream with the given status; it
     * runs on {@code callExecutor}, the only thread that may touch the call. A stream that starts while the
     * server stops is ended at once.
     */
    Runnable register(Executor callExecutor, Consumer<Status> closer) {
        Consumer<Status> closeOnCallThread = status -> callExecutor.execute(() -> closer.accept(status));
        return register(closeOnCallThread);
    }

    private Runnable register(Consumer<Status> closer) {
        closers.add(closer);
        if (stopping && closers.remove(closer)) {
            closer.accept(SHUTTING_DOWN);
        }
        return () -> closers.remove(closer);
    }

    /**
     * Ends {@code call} with UNAVAILABLE before it sent anything, and returns true, when the server is stopping; a
     * watcher that reconnects during the stop then sees no stale snapshot from a server on its way out.
     */
    boolean refuseWhileStopping(StreamObserver<?> call) {
        if (!stopping) {
            return false;
        }
        call.onError(SHUTTING_DOWN.asRuntimeException());
        return true;
    }

    /** Returns whether the server stops: from then on, new streams are refused. */
    boolean isStopping() {
        return stopping;
    }

    /** Ends every tracked stream with UNAVAILABLE and refuses new ones. */
    public void closeAll() {
        stopping = true;
        for (Consumer<Status> closer : closers) {
            if (closers.remove(closer)) {
                closer.accept(SHUTTING_DOWN);
            }
        }
    }
}
