package io.tickscope.server.grpc;

import io.grpc.stub.ServerCallStreamObserver;
import org.jspecify.annotations.Nullable;

/**
 * The server side of one call as a service method sees it, recording how the call ends. The transport takes
 * {@code readyMessages} messages and then reports "not ready", as a client that stops reading would; the
 * test plays the client's part by {@linkplain #becomeReady() signalling ready} and {@linkplain #cancel()
 * cancelling}.
 */
final class InlineCall<T> extends ServerCallStreamObserver<T> {

    private final int readyMessages;
    private @Nullable Runnable onReady;
    private @Nullable Runnable onCancel;
    private int messages;
    private boolean cancelled;
    private boolean completed;
    private @Nullable Throwable error;

    InlineCall(int readyMessages) {
        this.readyMessages = readyMessages;
    }

    /** Signals that the transport can take messages, as gRPC does once the call starts. */
    void becomeReady() {
        Runnable handler = onReady;
        if (handler != null && isReady()) {
            handler.run();
        }
    }

    /** Cancels the call, as a client that hangs up does. */
    void cancel() {
        if (ended()) {
            return;
        }
        cancelled = true;
        Runnable handler = onCancel;
        if (handler != null) {
            handler.run();
        }
    }

    /** Returns whether the call ended: the server completed it or failed it, or the client cancelled it. */
    boolean ended() {
        return completed || error != null || cancelled;
    }

    boolean completed() {
        return completed;
    }

    @Nullable
    Throwable error() {
        return error;
    }

    int messages() {
        return messages;
    }

    @Override
    public void onNext(T value) {
        if (completed || error != null) {
            throw new IllegalStateException("onNext after the call ended: " + value);
        }
        // After a cancel grpc-java drops messages quietly when the service set a cancel handler.
        messages++;
    }

    @Override
    public void onError(Throwable cause) {
        if (!cancelled && ended()) {
            throw new IllegalStateException("onError after the call ended", cause);
        }
        error = cause;
    }

    @Override
    public void onCompleted() {
        if (!cancelled && ended()) {
            throw new IllegalStateException("onCompleted after the call ended");
        }
        completed = true;
    }

    @Override
    public boolean isReady() {
        return !ended() && messages < readyMessages;
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public void setOnReadyHandler(Runnable onReadyHandler) {
        onReady = onReadyHandler;
    }

    @Override
    public void setOnCancelHandler(Runnable onCancelHandler) {
        onCancel = onCancelHandler;
    }

    @Override
    public void setCompression(String compression) {}

    @Override
    public void disableAutoInboundFlowControl() {}

    @Override
    public void request(int count) {}

    @Override
    public void setMessageCompression(boolean enable) {}
}
