package io.tickscope.desktop.rpc;

import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/** Runs one call of an async stub that answers once, as a future. */
final class UnaryCalls {

    private UnaryCalls() {}

    /** Calls {@code method} with {@code request}; the future completes on a gRPC thread. */
    static <Q, R> CompletableFuture<R> call(BiConsumer<Q, StreamObserver<R>> method, Q request) {
        CompletableFuture<R> response = new CompletableFuture<>();
        method.accept(request, new StreamObserver<>() {
            @Override
            public void onNext(R value) {
                response.complete(value);
            }

            @Override
            public void onError(Throwable failure) {
                response.completeExceptionally(failure);
            }

            @Override
            public void onCompleted() {
                // A unary call closes right after its one response, which completed the future.
            }
        });
        return response;
    }
}
