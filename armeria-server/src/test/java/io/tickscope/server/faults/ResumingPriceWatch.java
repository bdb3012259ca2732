package io.tickscope.server.faults;

import static java.util.Objects.requireNonNull;

import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.tickscope.api.pricing.v1.PriceUpdateKind;
import io.tickscope.api.pricing.v1.PricingServiceGrpc;
import io.tickscope.api.pricing.v1.WatchPricesRequest;
import io.tickscope.api.pricing.v1.WatchPricesResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A headless WatchPrices client that survives server restarts: when its stream ends it subscribes again at once
 * (waiting for the channel to be ready), and it hands its listener each product's updates in order, without
 * repeats, with an explicit resync whenever the server restarted.
 *
 * <p>What "no gap" means here. Sequence numbers count a product's changes within one server incarnation, and
 * the server conflates changes for a slow watcher by design, so a jump in sequence numbers is not a loss: the
 * later update carries the product's newest state. What must not happen is a step back or a repeat within an
 * incarnation (this client drops the snapshot a reconnect brings when the product did not change meanwhile),
 * or a restart going unnoticed: sequence numbers start again at 1, so the first update of a new incarnation is
 * delivered as a {@link Origin#RESYNC}, a snapshot that replaces whatever the listener held.
 *
 * <p>grpc-java backs off exponentially between connection attempts (1 s, 1.6 s, 2.6 s, ... up to 2 min), so a
 * server that comes back after a few seconds would wait for the next attempt. While the channel is in
 * TRANSIENT_FAILURE this client resets that backoff every {@value #RECONNECT_PACE_MILLIS} ms: one refused
 * connection attempt each time, and a reconnect at most that long after the server accepts again.
 */
final class ResumingPriceWatch implements AutoCloseable {

    /** Why the listener receives an update. */
    enum Origin {
        /** The first sight of the product: its snapshot on the first stream. */
        FIRST,
        /** A later state of the product, within the same server incarnation. */
        CHANGE,
        /** A snapshot from a new server incarnation: replace the product's state, sequence numbers restarted. */
        RESYNC
    }

    /** Receives updates and connection changes, on gRPC's callback threads, one call at a time. */
    interface Listener {

        void onUpdate(WatchPricesResponse update, Origin origin);

        /** Called with false when the stream broke, with true when updates flow again. */
        void onConnection(boolean live);
    }

    private static final long RECONNECT_PACE_MILLIS = 250;

    // A stream refused at once (a server on its way out refuses new ones) is retried after a growing pause, so that
    // the client neither spins nor keeps the stopping server from ever going quiet.
    private static final long FIRST_RETRY_DELAY_MILLIS = 50;
    private static final long MAX_RETRY_DELAY_MILLIS = 1_000;
    private static final long HEALTHY_STREAM_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ManagedChannel channel;
    private final WatchPricesRequest request;
    private final Listener listener;
    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "watch-reconnect-pacer");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Seen> seen = new HashMap<>();
    private final Object subscribing = new Object();
    private volatile boolean closed;
    private volatile @Nullable ClientCallStreamObserver<WatchPricesRequest> call;
    // Touched by the ending stream's callback only; streams end one after another.
    private long retryDelayMillis;

    private ResumingPriceWatch(ManagedChannel channel, WatchPricesRequest request, Listener listener) {
        this.channel = channel;
        this.request = request;
        this.listener = listener;
    }

    /** Starts watching {@code request}'s products over {@code channel}, which the caller owns. */
    static ResumingPriceWatch start(ManagedChannel channel, WatchPricesRequest request, Listener listener) {
        ResumingPriceWatch watch = new ResumingPriceWatch(
                requireNonNull(channel, "channel"),
                requireNonNull(request, "request"),
                requireNonNull(listener, "listener"));
        watch.pacer.scheduleWithFixedDelay(
                watch::resetBackoffWhileFailing, RECONNECT_PACE_MILLIS, RECONNECT_PACE_MILLIS, TimeUnit.MILLISECONDS);
        watch.subscribe();
        return watch;
    }

    /** Returns how long this client waits at most between connection attempts while the server is away. */
    static Duration reconnectPace() {
        return Duration.ofMillis(RECONNECT_PACE_MILLIS);
    }

    /** Stops watching; the listener hears nothing more. */
    @Override
    public void close() {
        // Under the lock, so that no call starts or is scheduled after this, nor is cancelled while it starts.
        synchronized (subscribing) {
            closed = true;
            ClientCallStreamObserver<WatchPricesRequest> current = call;
            if (current != null) {
                current.cancel("watch closed", null);
            }
        }
        pacer.shutdownNow();
    }

    private void subscribe() {
        synchronized (subscribing) {
            if (!closed) {
                PricingServiceGrpc.newStub(channel).withWaitForReady().watchPrices(request, new Stream());
            }
        }
    }

    private void resetBackoffWhileFailing() {
        if (channel.getState(false) == ConnectivityState.TRANSIENT_FAILURE) {
            channel.resetConnectBackoff();
        }
    }

    /** Decides what an update of the current stream means; runs for one stream at a time. */
    private synchronized void onUpdate(WatchPricesResponse update, long incarnation) {
        String productId = update.getQuote().getProductId();
        Seen last = seen.get(productId);
        Origin origin;
        if (last == null) {
            origin = Origin.FIRST;
        } else if (last.incarnation() != incarnation) {
            origin = Origin.RESYNC;
        } else if (update.getSequenceNumber() > last.sequenceNumber()) {
            origin = Origin.CHANGE;
        } else {
            return; // A reconnect's snapshot of a product that did not change meanwhile: already delivered.
        }
        seen.put(productId, new Seen(incarnation, update.getSequenceNumber()));
        listener.onUpdate(update, origin);
    }

    /** The newest update delivered for a product. */
    private record Seen(long incarnation, long sequenceNumber) {}

    /** One WatchPrices call; a new one replaces it when it ends. */
    private final class Stream implements ClientResponseObserver<WatchPricesRequest, WatchPricesResponse> {

        // Every snapshot of one stream comes from the same server run; changes carry no incarnation of their own.
        private long incarnation;
        private boolean live;
        private final long startNanos = System.nanoTime();

        @Override
        public void beforeStart(ClientCallStreamObserver<WatchPricesRequest> requestStream) {
            call = requestStream;
        }

        @Override
        public void onNext(WatchPricesResponse update) {
            if (update.getKind() == PriceUpdateKind.PRICE_UPDATE_KIND_SNAPSHOT) {
                incarnation = update.getServerIncarnation();
            }
            if (!live) {
                live = true;
                listener.onConnection(true);
            }
            onUpdate(update, incarnation);
        }

        @Override
        public void onError(Throwable cause) {
            resubscribe();
        }

        @Override
        public void onCompleted() {
            resubscribe();
        }

        private void resubscribe() {
            if (closed) {
                return;
            }
            listener.onConnection(false);
            if (System.nanoTime() - startNanos >= HEALTHY_STREAM_NANOS) {
                retryDelayMillis = 0;
                subscribe();
                return;
            }
            retryDelayMillis =
                    Math.min(Math.max(FIRST_RETRY_DELAY_MILLIS, 2 * retryDelayMillis), MAX_RETRY_DELAY_MILLIS);
            synchronized (subscribing) {
                if (!closed) {
                    pacer.schedule(ResumingPriceWatch.this::subscribe, retryDelayMillis, TimeUnit.MILLISECONDS);
                }
            }
        }
    }
}
