package io.tickscope.server.testing;

import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/** Records what a server stream sends, for assertions, and lets the test cancel the call. */
public class RecordingObserver<T> implements ClientResponseObserver<Object, T> {

    private final List<T> values = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Throwable> error = new CompletableFuture<>();
    private final CompletableFuture<Void> completed = new CompletableFuture<>();
    private @Nullable ClientCallStreamObserver<Object> call;

    @Override
    public void beforeStart(ClientCallStreamObserver<Object> requestStream) {
        call = requestStream;
    }

    @Override
    public void onNext(T value) {
        values.add(value);
    }

    @Override
    public void onError(Throwable cause) {
        error.complete(cause);
    }

    @Override
    public void onCompleted() {
        completed.complete(null);
    }

    public List<T> values() {
        return values;
    }

    public CompletableFuture<Throwable> error() {
        return error;
    }

    public CompletableFuture<Void> completed() {
        return completed;
    }

    public void cancel() {
        ClientCallStreamObserver<Object> current = call;
        if (current != null) {
            current.cancel("test is done", null);
        }
    }
}
