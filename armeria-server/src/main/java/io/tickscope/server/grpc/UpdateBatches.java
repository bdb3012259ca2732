package io.tickscope.server.grpc;

import static java.util.Objects.requireNonNull;

import com.linecorp.armeria.server.ServiceRequestContext;
import io.grpc.stub.ServerCallStreamObserver;
import io.netty.util.concurrent.EventExecutor;
import io.tickscope.api.pricing.v1.WatchPriceBatchesResponse;
import io.tickscope.api.pricing.v1.WatchPricesResponse;

/**
 * The response stream of WatchPriceBatches, seen as the stream of single updates that {@link WatchStream} and
 * {@link SeamReplay} write to: the updates given to it in one run of the call's event loop go out together as
 * one {@link WatchPriceBatchesResponse}, written by a task queued behind that run, or at once when the batch
 * holds {@value #MAX_UPDATES_PER_MESSAGE}. A burst of deliveries thus costs one gRPC message and one HTTP/2
 * DATA frame, and a lone update waits no longer than the task that produced it.
 *
 * <p>Readiness, cancellation and the handlers are the real call's, so flow control and conflation work as for
 * WatchPrices. Every method runs on the call's event loop.
 */
final class UpdateBatches extends ServerCallStreamObserver<WatchPricesResponse> {

    static final int MAX_UPDATES_PER_MESSAGE = 1_000;

    private final ServerCallStreamObserver<WatchPriceBatchesResponse> call;
    private final EventExecutor eventLoop;
    private final Runnable sendTask = this::send;
    private WatchPriceBatchesResponse.Builder batch = WatchPriceBatchesResponse.newBuilder();
    private boolean sendQueued;

    /** Wraps {@code call}; must run inside the service method, where the call's context is current. */
    UpdateBatches(ServerCallStreamObserver<WatchPriceBatchesResponse> call) {
        this.call = requireNonNull(call, "call");
        eventLoop = ServiceRequestContext.current().eventLoop();
    }

    @Override
    public void onNext(WatchPricesResponse update) {
        batch.addUpdates(update);
        if (batch.getUpdatesCount() >= MAX_UPDATES_PER_MESSAGE) {
            send();
        } else if (!sendQueued) {
            sendQueued = true;
            eventLoop.execute(sendTask);
        }
    }

    @Override
    public void onError(Throwable t) {
        send();
        call.onError(t);
    }

    @Override
    public void onCompleted() {
        send();
        call.onCompleted();
    }

    private void send() {
        sendQueued = false;
        if (batch.getUpdatesCount() == 0) {
            return;
        }
        WatchPriceBatchesResponse message = batch.build();
        batch = WatchPriceBatchesResponse.newBuilder();
        call.onNext(message);
    }

    @Override
    public boolean isReady() {
        return call.isReady();
    }

    @Override
    public void setOnReadyHandler(Runnable onReadyHandler) {
        call.setOnReadyHandler(onReadyHandler);
    }

    @Override
    public boolean isCancelled() {
        return call.isCancelled();
    }

    @Override
    public void setOnCancelHandler(Runnable onCancelHandler) {
        call.setOnCancelHandler(onCancelHandler);
    }

    @Override
    public void setOnCloseHandler(Runnable onCloseHandler) {
        call.setOnCloseHandler(onCloseHandler);
    }

    @Override
    public void setCompression(String compression) {
        call.setCompression(compression);
    }

    @Override
    public void setMessageCompression(boolean enable) {
        call.setMessageCompression(enable);
    }

    @Override
    public void disableAutoInboundFlowControl() {
        call.disableAutoInboundFlowControl();
    }

    @Override
    public void disableAutoRequest() {
        call.disableAutoRequest();
    }

    @Override
    public void request(int count) {
        call.request(count);
    }
}
