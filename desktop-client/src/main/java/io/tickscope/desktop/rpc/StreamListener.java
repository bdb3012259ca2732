package io.tickscope.desktop.rpc;

import org.jspecify.annotations.Nullable;

/**
 * Receives what a stream sends. Both methods run on gRPC threads, one call at a time; {@link #onEnd} comes
 * once, last.
 */
public interface StreamListener<T> {

    void onItem(T item);

    /** The stream ended: normally when {@code failure} is null, otherwise with the failure in words. */
    void onEnd(@Nullable String failure);
}
