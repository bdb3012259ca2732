package io.tickscope.desktop.rpc;

import io.tickscope.desktop.model.WatchRequest;

/** Where a watchlist's prices come from: the server's WatchPrices stream, or a replay of a recording. */
public interface PriceFeed {

    /**
     * Delivers the current prices of {@code request}'s products, then each change, to {@code listener} on a
     * thread of the feed, one call at a time, until the returned handle is cancelled.
     */
    CallHandle watch(WatchRequest request, PriceWatchListener listener);

    /**
     * Whether the watchlist must show every tick rather than the latest per product and pulse: a replay's
     * point is to show what was recorded, all of it; a live stream is shown as fast as the screen can.
     */
    default boolean showsEveryTick() {
        return false;
    }
}
