package io.tickscope.desktop.watchlist;

/** Where the watchlist's price stream stands, as its status line shows it. */
public enum FeedState {
    /** Nothing watched, so no stream. */
    IDLE,
    /** Subscribed, waiting for the first prices. */
    SUBSCRIBING,
    /** Prices are live. */
    LIVE,
    /** The stream broke; prices are stale until it resubscribes. */
    STALE,
    /** The server refused the watch; it stays down until the watched products change. */
    FAILED
}
