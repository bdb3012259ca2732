package io.tickscope.desktop.rpc;

import static java.util.Objects.requireNonNull;

import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ClientResponseObserver;
import io.tickscope.api.pricing.v1.PricingServiceGrpc;
import io.tickscope.api.pricing.v1.PricingServiceGrpc.PricingServiceStub;
import io.tickscope.api.pricing.v1.WatchPricesRequest;
import io.tickscope.api.pricing.v1.WatchPricesResponse;
import io.tickscope.desktop.connection.ConnectionMonitor;
import io.tickscope.desktop.model.PriceTick;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One live {@code WatchPrices} stream that outlives its calls: when a call fails in a way that may pass (the
 * server went away or is restarting), the watch tells its listener the prices are stale and subscribes again
 * through a {@link Resubscriber}. Closing it cancels the call.
 */
public final class PriceWatch implements AutoCloseable, CallHandle {

    private final PricingServiceStub stub;
    private final WatchPricesRequest request;
    private final PriceWatchListener listener;
    private final Resubscriber<Attempt> resubscriber;
    private final Supplier<@Nullable PriceRecorder> recorder;

    private PriceWatch(
            PricingServiceStub stub,
            WatchPricesRequest request,
            PriceWatchListener listener,
            ScheduledExecutorService scheduler,
            Backoff backoff,
            ConnectionMonitor connection,
            Supplier<@Nullable PriceRecorder> recorder) {
        this.stub = stub;
        this.recorder = recorder;
        this.request = request;
        this.listener = listener;
        this.resubscriber = new Resubscriber<>(new Calls(), scheduler, backoff, connection);
    }

    static PriceWatch open(
            PricingServiceStub stub,
            WatchPricesRequest request,
            PriceWatchListener listener,
            ScheduledExecutorService scheduler,
            Backoff backoff,
            ConnectionMonitor connection,
            Supplier<@Nullable PriceRecorder> recorder) {
        PriceWatch watch = new PriceWatch(
                stub, request, requireNonNull(listener, "listener"), scheduler, backoff, connection, recorder);
        watch.resubscriber.start();
        return watch;
    }

    /** Cancels the stream and any pending resubscription; the listener hears nothing more. */
    @Override
    public void close() {
        resubscriber.close();
    }

    /** The same as {@link #close()}. */
    @Override
    public void cancel() {
        close();
    }

    /** How the watch starts and stops its calls, and what it tells the listener when one ends. */
    private final class Calls implements Resubscriber.Calls<Attempt> {

        @Override
        public Attempt newAttempt() {
            return new Attempt();
        }

        @Override
        public void start(Attempt attempt) {
            // The stub's own call, but parsed by the attempt's marshaller, which keeps each update's bytes.
            MethodDescriptor<WatchPricesRequest, WatchPricesResponse> method =
                    PricingServiceGrpc.getWatchPricesMethod().toBuilder()
                            .setResponseMarshaller(attempt.responses)
                            .build();
            // Waiting for ready: a call made while the channel reconnects waits for it instead of failing at once.
            ClientCalls.asyncServerStreamingCall(
                    stub.getChannel().newCall(method, stub.getCallOptions().withWaitForReady()), request, attempt);
        }

        @Override
        public void stop(Attempt attempt) {
            attempt.cancel();
        }

        @Override
        public void interrupted(Status status, Duration retryIn) {
            listener.onInterrupted(RpcErrors.describe(status) + "; resubscribing in "
                    + String.format(Locale.ROOT, "%.1f s", retryIn.toMillis() / 1e3));
        }

        @Override
        public void failed(Status status) {
            listener.onFailed(RpcErrors.describe(status));
        }
    }

    /** How many messages each flow-control request asks for; twice as many are asked for at the start. */
    private static final int MESSAGES_PER_REQUEST = 128;

    /** One call of the watch. */
    private final class Attempt implements ClientResponseObserver<WatchPricesRequest, WatchPricesResponse> {

        private final BytesKeepingMarshaller<WatchPricesResponse> responses =
                new BytesKeepingMarshaller<>(WatchPricesResponse.getDefaultInstance());
        private volatile @Nullable ClientCallStreamObserver<WatchPricesRequest> call;
        private boolean deliveredChange;
        private int deliveredSinceRequest;

        @Override
        public void beforeStart(ClientCallStreamObserver<WatchPricesRequest> requestStream) {
            call = requestStream;
            // grpc-java's default asks for one message after each is handled: a hand-off between the transport and
            // the callback thread per tick. Asking in batches lets the transport decode ahead while ticks are handled.
            requestStream.disableAutoRequestWithInitial(2 * MESSAGES_PER_REQUEST);
            // A close between choosing this attempt and starting it found no call to cancel.
            if (!resubscriber.isCurrent(this)) {
                cancel();
            }
        }

        @Override
        public void onNext(WatchPricesResponse response) {
            if (!resubscriber.isCurrent(this)) {
                return;
            }
            PriceRecorder recording = recorder.get();
            if (recording != null) {
                record(recording, response);
            }
            PriceTick tick = PricingMessages.fromProto(response);
            // Snapshots do not prove recovery: a stopping server still answers new calls with one before it ends
            // them, and the backoff must grow through that.
            if (!deliveredChange && !tick.snapshot()) {
                deliveredChange = true;
                resubscriber.recovered(this);
            }
            listener.onTick(tick);
            if (++deliveredSinceRequest == MESSAGES_PER_REQUEST) {
                deliveredSinceRequest = 0;
                requireNonNull(call, "call").request(MESSAGES_PER_REQUEST);
            }
        }

        @Override
        public void onError(Throwable failure) {
            resubscriber.ended(this, Status.fromThrowable(failure));
        }

        @Override
        public void onCompleted() {
            // A watch never ends on its own; a server that ends it is going away.
            resubscriber.ended(this, Status.UNAVAILABLE.withDescription("the server ended the watch"));
        }

        /** Records the update as it arrived; one this call did not parse itself is encoded again. */
        private void record(PriceRecorder recording, WatchPricesResponse response) {
            byte[] received = responses.lastBytesOf(response);
            if (received != null) {
                recording.record(received, responses.lastLength());
            } else {
                recording.record(response);
            }
        }

        void cancel() {
            ClientCallStreamObserver<WatchPricesRequest> running = call;
            if (running != null) {
                running.cancel("watch closed", null);
            }
        }
    }
}
