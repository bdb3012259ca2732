package io.tickscope.bench.clients;

import io.grpc.stub.StreamObserver;
import io.tickscope.bench.load.CallCompletion;

/** Turns the end of a unary gRPC call into its {@link CallCompletion}; the response itself is not needed. */
final class CompletionObserver<T> implements StreamObserver<T> {

    private final CallCompletion completion;

    CompletionObserver(CallCompletion completion) {
        this.completion = completion;
    }

    @Override
    public void onNext(T response) {}

    @Override
    public void onError(Throwable failure) {
        completion.complete(failure);
    }

    @Override
    public void onCompleted() {
        completion.complete(null);
    }
}
