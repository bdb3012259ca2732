package io.tickscope.desktop.rpc;

/** A call in flight that its caller may stop early. */
@FunctionalInterface
public interface CallHandle {

    /** Cancels the call; its listener then hears the end. Does nothing once the call ended. */
    void cancel();
}
