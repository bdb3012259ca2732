package io.tickscope.bench.scenarios;

import com.google.protobuf.Timestamp;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.tickscope.api.pricing.v1.PriceUpdateKind;
import io.tickscope.api.pricing.v1.WatchPricesRequest;
import io.tickscope.api.pricing.v1.WatchPricesResponse;
import io.tickscope.bench.load.LatencyRecorder;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * One of many concurrent price watches: records the delivery lag of every change (the server's event time to
 * the moment the client has the decoded update; server and client share a clock because they share the JVM)
 * and counts starting prices, changes and changes the server conflated away. Counters are shared by every
 * watcher.
 *
 * <p>The starting price of a product is its first update, whatever its kind: when a market change races with
 * the subscription, the server may send that first price as a change rather than a snapshot.
 */
final class LagWatcher implements ClientResponseObserver<WatchPricesRequest, WatchPricesResponse> {

    /** What every watcher of a fan-out adds to. */
    static final class Totals {
        final LatencyRecorder lag = new LatencyRecorder();
        final LongAdder startingPrices = new LongAdder();
        final LongAdder changes = new LongAdder();
        final LongAdder conflated = new LongAdder();
        final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
    }

    private final Totals totals;
    private final int firstProduct;
    private final long[] lastSequenceBySlot;
    private @Nullable ClientCallStreamObserver<WatchPricesRequest> call;

    /** A watcher of {@code productCount} consecutive products from product number {@code firstProduct} on. */
    LagWatcher(Totals totals, int firstProduct, int productCount) {
        this.totals = totals;
        this.firstProduct = firstProduct;
        lastSequenceBySlot = new long[productCount];
    }

    @Override
    public void beforeStart(ClientCallStreamObserver<WatchPricesRequest> requestStream) {
        call = requestStream;
    }

    @Override
    public void onNext(WatchPricesResponse update) {
        long receivedMicros = micros(Instant.now());
        String productId = update.getQuote().getProductId();
        int slot = Integer.parseInt(productId, 1, productId.length(), 10) - firstProduct;
        long sequence = update.getSequenceNumber();
        long previous = lastSequenceBySlot[slot];
        lastSequenceBySlot[slot] = sequence;
        if (previous == 0) {
            totals.startingPrices.increment();
            return;
        }
        if (update.getKind() == PriceUpdateKind.PRICE_UPDATE_KIND_CHANGE) {
            totals.lag.record((receivedMicros - micros(update.getEventTime())) * 1_000);
            totals.changes.increment();
            totals.conflated.add(sequence - previous - 1);
        }
    }

    @Override
    public void onError(Throwable t) {
        totals.failure.compareAndSet(null, t);
    }

    @Override
    public void onCompleted() {
        totals.failure.compareAndSet(
                null, new IllegalStateException("watch: completed (expected: to run until cancelled)"));
    }

    void cancel() {
        ClientCallStreamObserver<WatchPricesRequest> started = call;
        if (started != null) {
            started.cancel("benchmark over", null);
        }
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
    }

    private static long micros(Timestamp timestamp) {
        return timestamp.getSeconds() * 1_000_000 + timestamp.getNanos() / 1_000;
    }
}
