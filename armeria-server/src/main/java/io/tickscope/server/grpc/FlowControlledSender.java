package io.tickscope.server.grpc;

import com.linecorp.armeria.server.ServiceRequestContext;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.Iterator;
import java.util.function.Function;

/**
 * Streams a finite sequence to one client no faster than it reads: sends while the transport is ready and
 * resumes on its on-ready signal, so a slow reader holds at most one message in our buffers, and a cancelled
 * call stops the work. Every method runs on the call's event loop.
 */
final class FlowControlledSender<T, R> {

    private final Iterator<T> items;
    private final Function<T, R> toMessage;
    private final ServerCallStreamObserver<R> call;
    private Runnable untrack = () -> {};
    private boolean done;

    private FlowControlledSender(Iterator<T> items, Function<T, R> toMessage, ServerCallStreamObserver<R> call) {
        this.items = items;
        this.toMessage = toMessage;
        this.call = call;
    }

    /** Starts streaming {@code items} on {@code call}; must run inside the service method, before it returns. */
    static <T, R> void start(
            Iterator<T> items, Function<T, R> toMessage, ServerCallStreamObserver<R> call, LiveStreams liveStreams) {
        FlowControlledSender<T, R> sender = new FlowControlledSender<>(items, toMessage, call);
        sender.untrack = liveStreams.register(ServiceRequestContext.current().eventLoop(), sender::closeWith);
        call.setOnReadyHandler(sender::send);
        call.setOnCancelHandler(sender::finish);
    }

    private void send() {
        while (!done && call.isReady() && items.hasNext()) {
            call.onNext(toMessage.apply(items.next()));
        }
        if (!done && !items.hasNext()) {
            finish();
            call.onCompleted();
        }
    }

    private void closeWith(Status status) {
        if (!done) {
            finish();
            call.onError(status.asRuntimeException());
        }
    }

    private void finish() {
        done = true;
        untrack.run();
    }
}
