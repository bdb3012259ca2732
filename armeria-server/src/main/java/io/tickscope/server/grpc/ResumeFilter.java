package io.tickscope.server.grpc;

import org.jspecify.annotations.Nullable;

/**
 * Decides which messages of a (re)started stream its HTTP client still needs, and names each event it sends so
 * that the client can say where it stopped ({@code Last-Event-ID}). One per stream, called on its event loop.
 */
interface ResumeFilter<Resp> {

    /** Returns whether the client needs {@code message}; if it does, the filter counts it as delivered. */
    boolean admit(Resp message);

    /** Returns the id of the event of the message admitted last, or null when this stream's events have none. */
    @Nullable
    String lastEventId();

    /** Makes the filter of one stream from the call's request and the client's {@code Last-Event-ID}. */
    @FunctionalInterface
    interface Factory<Req, Resp> {

        /** @throws io.tickscope.server.error.InvalidArgumentException when the id cannot resume this request */
        ResumeFilter<Resp> resume(Req request, @Nullable String lastEventId);
    }
}
