package io.tickscope.bench.cluster;

import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.tickscope.api.pricing.v1.WatchPricesRequest;
import io.tickscope.api.pricing.v1.WatchPricesResponse;
import org.jspecify.annotations.Nullable;

/**
 * A WatchPrices call that the scenario ends when it has measured: {@link #end} cancels it, and a watch that ends
 * any other way is reported, since the figures after it would mean nothing.
 */
abstract class EndableWatch implements ClientResponseObserver<WatchPricesRequest, WatchPricesResponse> {

    private final String name;
    private volatile @Nullable ClientCallStreamObserver<WatchPricesRequest> call;

    EndableWatch(String name) {
        this.name = name;
    }

    @Override
    public final void beforeStart(ClientCallStreamObserver<WatchPricesRequest> requestStream) {
        call = requestStream;
    }

    @Override
    public final void onError(Throwable cause) {
        if (Status.fromThrowable(cause).getCode() != Status.Code.CANCELLED) {
            System.err.println(name + " ended: " + cause);
        }
    }

    @Override
    public final void onCompleted() {
        System.err.println(name + " ended by the server");
    }

    /** Cancels the call, saying {@code why} to the server. */
    final void end(String why) {
        ClientCallStreamObserver<WatchPricesRequest> open = call;
        if (open != null) {
            open.cancel(why, null);
        }
    }
}
