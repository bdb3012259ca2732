package io.tickscope.bench.load;

import org.jspecify.annotations.Nullable;

/** Told once that an {@link AsyncCall} ended. */
@FunctionalInterface
public interface CallCompletion {

    /** The call ended: successfully when {@code failure} is null. */
    void complete(@Nullable Throwable failure);
}
