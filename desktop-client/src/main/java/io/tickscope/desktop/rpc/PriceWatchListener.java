package io.tickscope.desktop.rpc;

import io.tickscope.desktop.model.PriceTick;

/**
 * Receives one price watch's updates, on a gRPC thread; calls for one watch come one at a time, in order.
 * Implementations hand the work to the UI thread rather than doing it here.
 */
public interface PriceWatchListener {

    /** The current price of a product when the watch (re)starts, or a live change to it. */
    void onTick(PriceTick tick);

    /**
     * The stream broke, for example because the server went away; prices are stale until ticks arrive again.
     * The watch resubscribes by itself.
     *
     * @param reason what happened, readable, such as "UNAVAILABLE: Connection refused; retrying in 1.2 s"
     */
    void onInterrupted(String reason);

    /**
     * The server refused the watch, for example for an unknown product; it does not resubscribe.
     *
     * @param reason the status and its description, readable
     */
    void onFailed(String reason);
}
