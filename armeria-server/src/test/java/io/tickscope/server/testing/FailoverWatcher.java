package io.tickscope.server.testing;

import io.grpc.ManagedChannel;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.tickscope.api.pricing.v1.PriceUpdateKind;
import io.tickscope.api.pricing.v1.PricingServiceGrpc;
import io.tickscope.api.pricing.v1.WatchPricesRequest;
import io.tickscope.api.pricing.v1.WatchPricesResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A WatchPrices client of a cluster: it watches on one replica and, when that stream breaks, watches again at
 * once on the next replica of its list. It judges what it receives by the contract, per product: within one
 * incarnation a change must carry a sequence number above the last one held (else it is a duplicate); a new
 * stream's snapshot may repeat the last number held (nothing changed meanwhile) or exceed it (the snapshot fills
 * the gap), never fall below it; a snapshot of another incarnation would be a resync.
 *
 * <p>Given one channel that balances over every replica (the desktop's), it watches again on that channel, and
 * the channel's balancer picks the replica.
 */
public final class FailoverWatcher implements AutoCloseable {

    private final List<ManagedChannel> replicas;
    private final WatchPricesRequest request;
    private final Map<String, Held> held = new HashMap<>();

    private int replica;
    private boolean closed;
    private @Nullable ClientCallStreamObserver<WatchPricesRequest> call;

    private long updates;
    private long duplicates;
    private long snapshotsBehind;
    private long resyncs;
    private long gapsWithinAStream;
    private long gapsFilledBySnapshots;
    private long streamsBroken;
    /** When the current stream broke, 0 while one delivers. */
    private long brokenAtNanos;
    /** How long, at most, the watcher took from a broken stream to the first update of the next. */
    private long longestResumeNanos;

    public FailoverWatcher(List<ManagedChannel> replicas, int firstReplica, WatchPricesRequest request) {
        this.replicas = List.copyOf(replicas);
        this.replica = firstReplica;
        this.request = request;
    }

    public synchronized void start() {
        watch();
    }

    /** Returns which replica (an index in the list) the watcher watches on now. */
    public synchronized int replica() {
        return replica;
    }

    public synchronized Report report() {
        return new Report(
                updates,
                duplicates,
                snapshotsBehind,
                resyncs,
                gapsWithinAStream,
                gapsFilledBySnapshots,
                streamsBroken,
                brokenAtNanos != 0,
                longestResumeNanos);
    }

    /** What the watcher saw. {@code waiting}: its stream broke and no new one delivered yet. */
    public record Report(
            long updates,
            long duplicates,
            long snapshotsBehind,
            long resyncs,
            long gapsWithinAStream,
            long gapsFilledBySnapshots,
            long streamsBroken,
            boolean waiting,
            long longestResumeNanos) {}

    @Override
    public synchronized void close() {
        closed = true;
        if (call != null) {
            call.cancel("test over", null);
        }
    }

    private void watch() {
        if (closed) {
            return;
        }
        PricingServiceGrpc.newStub(replicas.get(replica)).watchPrices(request, new Stream());
    }

    private synchronized void onUpdate(WatchPricesResponse update, long incarnation) {
        updates++;
        if (brokenAtNanos != 0) {
            longestResumeNanos = Math.max(longestResumeNanos, System.nanoTime() - brokenAtNanos);
            brokenAtNanos = 0;
        }
        String productId = update.getQuote().getProductId();
        long sequence = update.getSequenceNumber();
        boolean snapshot = update.getKind() == PriceUpdateKind.PRICE_UPDATE_KIND_SNAPSHOT;
        Held last = held.get(productId);
        if (last != null && last.incarnation() != incarnation) {
            resyncs++;
        } else if (last != null && snapshot) {
            if (sequence < last.sequenceNumber()) {
                snapshotsBehind++;
                return; // Keeps the newer state held; the replica catches up and sends the changes after it.
            }
            if (sequence > last.sequenceNumber() + 1) {
                gapsFilledBySnapshots++;
            }
        } else if (last != null) {
            if (sequence <= last.sequenceNumber()) {
                duplicates++;
                return;
            }
            if (sequence > last.sequenceNumber() + 1) {
                gapsWithinAStream++;
            }
        }
        held.put(productId, new Held(incarnation, sequence));
    }

    private synchronized void onBroken() {
        if (closed) {
            return;
        }
        streamsBroken++;
        if (brokenAtNanos == 0) {
            brokenAtNanos = System.nanoTime();
        }
        replica = (replica + 1) % replicas.size();
        watch();
    }

    /** The newest state held of a product. */
    private record Held(long incarnation, long sequenceNumber) {}

    /** One WatchPrices call. */
    private final class Stream implements ClientResponseObserver<WatchPricesRequest, WatchPricesResponse> {

        private long incarnation;

        @Override
        public void beforeStart(ClientCallStreamObserver<WatchPricesRequest> requestStream) {
            synchronized (FailoverWatcher.this) {
                call = requestStream;
            }
        }

        @Override
        public void onNext(WatchPricesResponse update) {
            if (update.getKind() == PriceUpdateKind.PRICE_UPDATE_KIND_SNAPSHOT) {
                incarnation = update.getServerIncarnation();
            }
            onUpdate(update, incarnation);
        }

        @Override
        public void onError(Throwable cause) {
            onBroken();
        }

        @Override
        public void onCompleted() {
            onBroken();
        }
    }
}
