package io.tickscope.bench.scenarios;

import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.tickscope.api.pricing.v1.PriceUpdateKind;
import io.tickscope.api.pricing.v1.WatchPricesRequest;
import io.tickscope.api.pricing.v1.WatchPricesResponse;
import io.tickscope.bench.clients.PricingRequests;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * Counts what one watch of the whole catalogue receives: the updates delivered, and the market changes they
 * stand for, read from the per-product sequence numbers (a jump of more than one means the server conflated
 * changes for a client that fell behind). Callbacks of one call never overlap, so the per-product state needs
 * no lock; the counters are read from another thread.
 */
final class PushCounter implements ClientResponseObserver<WatchPricesRequest, WatchPricesResponse> {

    private final long[] lastSequenceByProduct = new long[PricingRequests.CATALOGUE_SIZE + 1];
    private final LongAdder changesDelivered = new LongAdder();
    private final LongAdder changesCovered = new LongAdder();
    private final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
    private @Nullable ClientCallStreamObserver<WatchPricesRequest> call;

    @Override
    public void beforeStart(ClientCallStreamObserver<WatchPricesRequest> requestStream) {
        call = requestStream;
    }

    @Override
    public void onNext(WatchPricesResponse update) {
        String productId = update.getQuote().getProductId();
        int product = Integer.parseInt(productId, 1, productId.length(), 10);
        long sequence = update.getSequenceNumber();
        long previous = lastSequenceByProduct[product];
        lastSequenceByProduct[product] = sequence;
        // A product's first update is its starting price, even when a racing change makes it arrive as a change.
        if (previous != 0 && update.getKind() == PriceUpdateKind.PRICE_UPDATE_KIND_CHANGE) {
            changesDelivered.increment();
            changesCovered.add(sequence - previous);
        }
    }

    @Override
    public void onError(Throwable t) {
        failure.compareAndSet(null, t);
    }

    @Override
    public void onCompleted() {
        failure.compareAndSet(null, new IllegalStateException("watch: completed (expected: to run until cancelled)"));
    }

    long changesDelivered() {
        return changesDelivered.sum();
    }

    /** Returns the market changes the delivered updates stand for, conflated ones included. */
    long changesCovered() {
        return changesCovered.sum();
    }

    /** Throws when the watch ended early. */
    void checkAlive() {
        Throwable ended = failure.get();
        if (ended != null) {
            throw new IllegalStateException("watch: ended early", ended);
        }
    }

    void cancel() {
        ClientCallStreamObserver<WatchPricesRequest> started = call;
        if (started != null) {
            started.cancel("benchmark over", null);
        }
    }
}
