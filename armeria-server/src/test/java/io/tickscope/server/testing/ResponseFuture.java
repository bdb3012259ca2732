package io.tickscope.server.testing;

import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The one response of a client-streaming call, as a future that tests wait on. */
public final class ResponseFuture<T> implements StreamObserver<T> {

    private final CompletableFuture<T> response = new CompletableFuture<>();

    @Override
    public void onNext(T value) {
        response.complete(value);
    }

    @Override
    public void onError(Throwable cause) {
        response.completeExceptionally(cause);
    }

    @Override
    public void onCompleted() {}

    /** Waits at most 20 seconds for the response; rethrows the call's failure. */
    public T get() throws Exception {
        return response.get(20, TimeUnit.SECONDS);
    }
}
