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

/**
 * One price watch: a subscription on the price bus whose sink is the gRPC call. The bus delivers on the
 * call's event loop and only while the transport is ready (gRPC flow control), keeping the latest price per
 * product meanwhile; the call's on-ready signal resumes it. Cancellation, a passed deadline or a stopping
 * server close the subscription, so no work outlives the call.
 */
final class WatchStream implements PriceSink {

    private final ServerCallStreamObserver<WatchPricesResponse> call;
    private final Function<PriceUpdate, WatchPricesResponse> toMessage;

    private WatchStream(
            ServerCallStreamObserver<WatchPricesResponse> call, Function<PriceUpdate, WatchPricesResponse> toMessage) {
        this.call = call;
        this.toMessage = toMessage;
    }

    /** Opens the watch on {@code call}; must run inside the service method, before it returns. */
    static void open(
            PriceBook priceBook,
            Set<String> productIds,
            Function<PriceUpdate, WatchPricesResponse> toMessage,
            ServerCallStreamObserver<WatchPricesResponse> call,
            LiveStreams liveStreams) {
        ServiceRequestContext ctx = ServiceRequestContext.current();
        WatchStream sink = new WatchStream(call, toMessage);
        PriceSubscription subscription = priceBook.bus().subscribe(productIds, ctx.eventLoop(), sink);
        Runnable untrack = liveStreams.register(ctx.eventLoop(), status -> {
            if (subscription.isOpen()) {
                subscription.close();
                call.onError(status.asRuntimeException());
            }
        });
        call.setOnReadyHandler(subscription::onReady);
        call.setOnCancelHandler(() -> {
            subscription.close();
            untrack.run();
        });
    }

    @Override
    public boolean isReady() {
        return call.isReady();
    }

    @Override
    public void deliver(PriceUpdate update) {
        call.onNext(toMessage.apply(update));
    }
}
