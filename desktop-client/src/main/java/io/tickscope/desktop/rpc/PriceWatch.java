package io.tickscope.desktop.rpc;

import static java.util.Objects.requireNonNull;

import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.tickscope.api.pricing.v1.PricingServiceGrpc.PricingServiceStub;
import io.tickscope.api.pricing.v1.WatchPricesRequest;
import io.tickscope.api.pricing.v1.WatchPricesResponse;
import io.tickscope.desktop.connection.ConnectionMonitor;
import io.tickscope.desktop.connection.ConnectionState;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One live {@code WatchPrices} stream that outlives its calls: when a call fails in a way that may pass (the
 * server went away or is restarting), the watch tells its listener the prices are stale and subscribes again
 * after a backoff, or at once when the channel reports it is ready again. Closing it cancels the call.
 */
public final class PriceWatch implements AutoCloseable {

    /** Failures worth another try: the server went away, is restarting, or shed load. */
    private static final Set<Status.Code> RETRYABLE =
            Set.of(Status.Code.UNAVAILABLE, Status.Code.ABORTED, Status.Code.RESOURCE_EXHAUSTED);

    private final PricingServiceStub stub;
    private final WatchPricesRequest request;
    private final PriceWatchListener listener;
    private final ScheduledExecutorService scheduler;
    private final Backoff backoff;
    private final Runnable unsubscribeFromConnection;

    private final Object lock = new Object();
    /** The call now running or about to run; callbacks of others are ignored. Written under lock. */
    private volatile @Nullable Attempt current;
    /** The resubscription waiting for its backoff to pass. Guarded by lock. */
    private @Nullable ScheduledFuture<?> pendingRetry;
    /**
     * Failures since a call last delivered a live change. Snapshots do not count: a stopping server still
     * answers new calls with one before it ends them, and the backoff must grow through that. Guarded by lock.
     */
    private int failuresInARow;
    /** Guarded by lock. */
    private boolean closed;

    private PriceWatch(
            PricingServiceStub stub,
            WatchPricesRequest request,
            PriceWatchListener listener,
            ScheduledExecutorService scheduler,
            Backoff backoff,
            ConnectionMonitor connection) {
        this.stub = stub;
        this.request = request;
        this.listener = listener;
        this.scheduler = scheduler;
        this.backoff = backoff;
        this.unsubscribeFromConnection = connection.subscribe(this::onConnectionState);
    }

    static PriceWatch open(
            PricingServiceStub stub,
            WatchPricesRequest request,
            PriceWatchListener listener,
            ScheduledExecutorService scheduler,
            Backoff backoff,
            ConnectionMonitor connection) {
        PriceWatch watch =
                new PriceWatch(stub, request, requireNonNull(listener, "listener"), scheduler, backoff, connection);
        watch.subscribe();
        return watch;
    }

    /** Cancels the stream and any pending resubscription; the listener hears nothing more. */
    @Override
    public void close() {
        Attempt running;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            running = current;
            current = null;
            cancelPendingRetry();
        }
        unsubscribeFromConnection.run();
        if (running != null) {
            running.cancel();
        }
    }

    private void subscribe() {
        Attempt attempt = new Attempt();
        synchronized (lock) {
            if (closed) {
                return;
            }
            pendingRetry = null;
            current = attempt;
        }
        // Waiting for ready: a call made while the channel reconnects waits for it instead of failing at once.
        stub.withWaitForReady().watchPrices(request, attempt);
    }

    /** A channel that is ready again is worth trying at once, without waiting out the backoff. */
    private void onConnectionState(ConnectionState state) {
        if (state != ConnectionState.READY) {
            return;
        }
        synchronized (lock) {
            if (closed || pendingRetry == null || !pendingRetry.cancel(false)) {
                return;
            }
            pendingRetry = null;
        }
        subscribe();
    }

    private void cancelPendingRetry() {
        if (pendingRetry != null) {
            pendingRetry.cancel(false);
            pendingRetry = null;
        }
    }

    /** Tells the listener why the call ended and, when it may pass, schedules the next call. */
    private void onCallEnded(Attempt attempt, Status status) {
        boolean retry = RETRYABLE.contains(status.getCode());
        Duration delay = Duration.ZERO;
        synchronized (lock) {
            if (closed || current != attempt) {
                return;
            }
            current = null;
            if (retry) {
                failuresInARow++;
                delay = backoff.delayAfter(failuresInARow);
                pendingRetry = scheduler.schedule(this::subscribe, delay.toNanos(), TimeUnit.NANOSECONDS);
            }
        }
        String reason = RpcErrors.describe(status.asRuntimeException());
        if (retry) {
            listener.onInterrupted(
                    reason + "; resubscribing in " + String.format(Locale.ROOT, "%.1f s", delay.toMillis() / 1e3));
        } else {
            listener.onFailed(reason);
        }
    }

    /** One call of the watch. */
    private final class Attempt implements ClientResponseObserver<WatchPricesRequest, WatchPricesResponse> {

        private volatile @Nullable ClientCallStreamObserver<WatchPricesRequest> call;
        private boolean deliveredChange;

        @Override
        public void beforeStart(ClientCallStreamObserver<WatchPricesRequest> requestStream) {
            call = requestStream;
            // A close between choosing this attempt and starting it found no call to cancel.
            if (current != this) {
                cancel();
            }
        }

        @Override
        public void onNext(WatchPricesResponse response) {
            if (current != this) {
                return;
            }
            PriceTick tick = PricingMessages.fromProto(response);
            if (!deliveredChange && !tick.snapshot()) {
                deliveredChange = true;
                synchronized (lock) {
                    failuresInARow = 0;
                }
            }
            listener.onTick(tick);
        }

        @Override
        public void onError(Throwable failure) {
            onCallEnded(this, Status.fromThrowable(failure));
        }

        @Override
        public void onCompleted() {
            // A watch never ends on its own; a server that ends it is going away.
            onCallEnded(this, Status.UNAVAILABLE.withDescription("the server ended the watch"));
        }

        void cancel() {
            ClientCallStreamObserver<WatchPricesRequest> running = call;
            if (running != null) {
                running.cancel("watch closed", null);
            }
        }
    }
}
