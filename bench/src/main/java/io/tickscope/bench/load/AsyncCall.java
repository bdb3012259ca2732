package io.tickscope.bench.load;

/** Starts one asynchronous call, which completes on any thread. */
@FunctionalInterface
public interface AsyncCall {

    /** Starts the call; {@code completion} runs exactly once when it ends, successfully or not. */
    void start(CallCompletion completion);
}
