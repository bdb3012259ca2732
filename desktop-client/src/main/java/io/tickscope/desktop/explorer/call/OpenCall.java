package io.tickscope.desktop.explorer.call;

import com.google.protobuf.DynamicMessage;

/** A call in progress: send requests one by one, half-close (no more requests), or cancel. Any thread. */
public interface OpenCall {

    /** Sends one request; for a unary or server-streaming method, send one and half-close. */
    void send(DynamicMessage request);

    /** Says no more requests will come; the server may then finish. */
    void halfClose();

    /** Ends the call at once; the listener hears CANCELLED (unless it ended already). */
    void cancel();
}
