package io.tickscope.bench.scenarios;

import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.tickscope.api.pricing.v1.PriceUpdateKind;
import io.tickscope.api.pricing.v1.WatchPriceBatchesRequest;
import io.tickscope.api.pricing.v1.WatchPriceBatchesResponse;
import io.tickscope.api.pricing.v1.WatchPricesRequest;
import io.tickscope.api.pricing.v1.WatchPricesResponse;
import io.tickscope.bench.clients.PricingRequests;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Counts what one watch of the whole catalogue receives: the messages, the updates delivered, and the market
 * changes they stand for, read from the per-product sequence numbers (a jump of more than one means the server
 * conflated changes for a client that fell behind). Callbacks of one call never overlap, so the per-product
 * state needs no lock; the counters are read from another thread.
 *
 * @param <ReqT> the watch's request: WatchPrices' or WatchPriceBatches'
 * @param <RespT> the watch's message: one update, or a batch of them
 */
final class PushCounter<ReqT, RespT> implements ClientResponseObserver<ReqT, RespT> {

    private final Function<RespT, List<WatchPricesResponse>> updatesIn;
    private final LongAdder messages = new LongAdder();
    private final long[] lastSequenceByProduct = new long[PricingRequests.CATALOGUE_SIZE + 1];
    private final LongAdder changesDelivered = new LongAdder();
    private final LongAdder changesCovered = new LongAdder();
    private final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
    private @Nullable ClientCallStreamObserver<ReqT> call;

    private PushCounter(Function<RespT, List<WatchPricesResponse>> updatesIn) {
        this.updatesIn = updatesIn;
    }

    /** A counter for WatchPrices, one update a message. */
    static PushCounter<WatchPricesRequest, WatchPricesResponse> ofWatchPrices() {
        return new PushCounter<>(List::of);
    }

    /** A counter for WatchPriceBatches, several updates a message. */
    static PushCounter<WatchPriceBatchesRequest, WatchPriceBatchesResponse> ofWatchPriceBatches() {
        return new PushCounter<>(WatchPriceBatchesResponse::getUpdatesList);
    }

    @Override
    public void beforeStart(ClientCallStreamObserver<ReqT> requestStream) {
        call = requestStream;
    }

    @Override
    public void onNext(RespT message) {
        messages.increment();
        for (WatchPricesResponse update : updatesIn.apply(message)) {
            count(update);
        }
    }

    private void count(WatchPricesResponse update) {
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

    long messages() {
        return messages.sum();
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
        ClientCallStreamObserver<ReqT> started = call;
        if (started != null) {
            started.cancel("benchmark over", null);
        }
    }
}
