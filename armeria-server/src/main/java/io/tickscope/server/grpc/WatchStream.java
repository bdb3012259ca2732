package io.tickscope.server.grpc;

import com.linecorp.armeria.server.ServiceRequestContext;
import io.grpc.stub.ServerCallStreamObserver;
import io.tickscope.api.pricing.v1.WatchPricesResponse;
import io.tickscope.server.pricing.PriceBook;
import io.tickscope.server.pricing.PriceSink;
import io.tickscope.server.pricing.PriceSubscription;
import io.tickscope.server.pricing.PriceUpdate;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One price watch: a subscription on the price bus whose sink is the gRPC call. The bus delivers on the
 * call's event loop and only while the transport is ready (gRPC flow control), keeping the latest price per
 * product meanwhile; the call's on-ready signal resumes it. Cancellation, a passed deadline or a stopping
 * server close the subscription, so no work outlives the call.
 *
 * <p>Armeria's streaming call reports ready only while no message it was given is still waiting to be written
 * out, and signals on-ready once all are. Stopping at the first "not ready" would send one message per trip
 * through the event loop and conflate everything else, whatever the connection could carry. So the sink takes
 * up to {@value #MAX_UNWRITTEN_MESSAGES} messages past "not ready": enough to keep the connection busy, few
 * enough that a stalled client still costs a small, fixed amount of memory. HTTP/2 flow control still stops
 * Armeria from writing to a client that does not read, and then the window fills and the bus conflates.
 */
final class WatchStream implements PriceSink {

    private static final int MAX_UNWRITTEN_MESSAGES = 64;

    private final ServerCallStreamObserver<WatchPricesResponse> call;
    private final Function<PriceUpdate, WatchPricesResponse> toMessage;
    private final @Nullable SeamReplay replay;

    /** Messages given to the call since it last reported ready; touched on the call's event loop only. */
    private int unwritten;

    private WatchStream(
            ServerCallStreamObserver<WatchPricesResponse> call,
            Function<PriceUpdate, WatchPricesResponse> toMessage,
            @Nullable SeamReplay replay) {
        this.call = call;
        this.toMessage = toMessage;
        this.replay = replay;
    }

    /** Opens the watch on {@code call}; must run inside the service method, before it returns. */
    static void open(
            PriceBook priceBook,
            Set<String> productIds,
            Function<PriceUpdate, WatchPricesResponse> toMessage,
            ServerCallStreamObserver<WatchPricesResponse> call,
            LiveStreams liveStreams) {
        open(priceBook, productIds, toMessage, call, liveStreams, null);
    }

    /**
     * Opens the watch on {@code call}, first replaying history through {@code replay} unless it is null; must
     * run inside the service method, before it returns.
     */
    static void open(
            PriceBook priceBook,
            Set<String> productIds,
            Function<PriceUpdate, WatchPricesResponse> toMessage,
            ServerCallStreamObserver<WatchPricesResponse> call,
            LiveStreams liveStreams,
            @Nullable SeamReplay replay) {
        if (liveStreams.refuseWhileStopping(call)) {
            return;
        }
        ServiceRequestContext ctx = ServiceRequestContext.current();
        WatchStream sink = new WatchStream(call, toMessage, replay);
        PriceSubscription subscription = priceBook.bus().subscribe(productIds, ctx.eventLoop(), sink);
        Runnable untrack = liveStreams.register(ctx.eventLoop(), status -> {
            if (subscription.isOpen()) {
                subscription.close();
                call.onError(status.asRuntimeException());
            }
        });
        if (replay == null) {
            call.setOnReadyHandler(subscription::onReady);
        } else {
            replay.whenOver(subscription::onReady, () -> {
                subscription.close();
                untrack.run();
            });
            call.setOnReadyHandler(() -> {
                if (replay.isDone()) {
                    subscription.onReady();
                } else {
                    replay.onReady();
                }
            });
        }
        call.setOnCancelHandler(() -> {
            subscription.close();
            untrack.run();
        });
    }

    @Override
    public boolean isReady() {
        if (replay != null && !replay.isDone()) {
            return replay.canHold() && !call.isCancelled();
        }
        if (call.isReady()) {
            unwritten = 0;
            return true;
        }
        return unwritten < MAX_UNWRITTEN_MESSAGES && !call.isCancelled();
    }

    @Override
    public void deliver(PriceUpdate update) {
        if (replay != null && !replay.isDone()) {
            replay.hold(update);
            return;
        }
        call.onNext(toMessage.apply(update));
        unwritten++;
    }
}
