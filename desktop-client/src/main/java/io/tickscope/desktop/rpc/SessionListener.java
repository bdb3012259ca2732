package io.tickscope.desktop.rpc;

import io.tickscope.desktop.model.RecommendationsUpdate;

/**
 * Receives what a recommendation session sends: each answer ({@link #onItem}), each break after which the
 * session reopens by itself ({@link #onInterrupted}), and its end ({@link #onEnd}, once, last). Calls come on
 * gRPC threads, one at a time.
 */
public interface SessionListener extends StreamListener<RecommendationsUpdate> {

    /**
     * The session's stream broke, for example because the server went away; the session reopens by itself
     * with the same user and category, and its first answer after that comes to {@link #onItem}.
     *
     * @param reason what happened, readable, such as "UNAVAILABLE: Connection refused; reopening in 1.2 s"
     */
    void onInterrupted(String reason);
}
