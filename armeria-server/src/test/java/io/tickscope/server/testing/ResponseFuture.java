package io.tickscope.server.testing;

import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** The one response of a client-streaming call, as a future that tests wait on. */
public final class ResponseFuture<T> implements StreamObserver<T> {

    private final CompletableFuture<T> response = new CompletableFuture<>();

    /**
     * Opens a client-streaming call with {@code call} (such as {@code stub::uploadBookRatings}), sends {@code
     * requests}, half-closes it and waits at most 20 seconds for its response; rethrows the call's failure.
     */
    public static <Q, R> R sendAll(Function<StreamObserver<R>, StreamObserver<Q>> call, List<Q> requests)
            throws Exception {
        ResponseFuture<R> response = new ResponseFuture<>();
        StreamObserver<Q> stream = call.apply(response);
        requests.forEach(stream::onNext);
        stream.onCompleted();
        return response.get();
    }

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
