package io.tickscope.server.pricing;

/**
 * Where a {@link PriceSubscription} delivers its updates: the transport of one watcher, for example a gRPC
 * response stream.
 *
 * <p>Both methods are called on the subscription's delivery executor, never concurrently, and never on the
 * thread that publishes prices. An exception from either closes the subscription.
 */
public interface PriceSink {

    /**
     * Returns whether the transport can take another update now. After this returns {@code false}, the
     * owner of the sink must call {@link PriceSubscription#onReady()} once the transport can take more, as
     * gRPC's on-ready handler does; until then the subscription only keeps the latest update per product.
     */
    boolean isReady();

    /** Takes the next update. */
    void deliver(PriceUpdate update);
}
