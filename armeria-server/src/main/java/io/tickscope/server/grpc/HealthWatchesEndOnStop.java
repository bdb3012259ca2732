package io.tickscope.server.grpc;

import com.linecorp.armeria.server.ServiceRequestContext;
import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.health.v1.HealthGrpc;

/**
 * Ends gRPC health Watch streams when the server stops, as {@link LiveStreams} ends the price and session
 * streams. A client that balances with health checks (grpc-java's, the desktop's) keeps one Watch open per
 * connection for as long as the connection lives, so without this every stop of a replica with clients waited for
 * the whole shutdown timeout. The drain has told those clients NOT_SERVING by then; the watch they open again
 * during the stop is refused, unanswered, and they look for a replica that serves.
 */
final class HealthWatchesEndOnStop implements ServerInterceptor {

    private static final String WATCH = HealthGrpc.getWatchMethod().getFullMethodName();

    private final LiveStreams liveStreams;

    HealthWatchesEndOnStop(LiveStreams liveStreams) {
        this.liveStreams = liveStreams;
    }

    @Override
    public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
            ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
        if (!WATCH.equals(call.getMethodDescriptor().getFullMethodName())) {
            return next.startCall(call, headers);
        }
        if (liveStreams.isStopping()) {
            // Refused before the health service answers: a Watch that ends without an answer makes grpc-java back
            // off before it tries again, where one that was answered is opened again at once, in a loop that would
            // keep the stop from ever seeing a quiet moment.
            call.close(LiveStreams.SHUTTING_DOWN, new Metadata());
            return new ServerCall.Listener<>() {};
        }
        ClosableCall<ReqT, RespT> watch = new ClosableCall<>(call);
        Runnable untrack = liveStreams.register(ServiceRequestContext.current().eventLoop(), watch::closeWith);
        return new SimpleForwardingServerCallListener<>(next.startCall(watch, headers)) {
            @Override
            public void onComplete() {
                untrack.run();
                super.onComplete();
            }

            @Override
            public void onCancel() {
                untrack.run();
                super.onCancel();
            }
        };
    }

    /** The Watch call, closed at most once: by the health service, or by the stop. */
    private static final class ClosableCall<ReqT, RespT> extends SimpleForwardingServerCall<ReqT, RespT> {

        private boolean closed;

        ClosableCall(ServerCall<ReqT, RespT> call) {
            super(call);
        }

        void closeWith(Status status) {
            close(status, new Metadata());
        }

        @Override
        public synchronized void sendMessage(RespT message) {
            if (!closed) {
                super.sendMessage(message);
            }
        }

        @Override
        public synchronized void close(Status status, Metadata trailers) {
            if (!closed) {
                closed = true;
                super.close(status, trailers);
            }
        }
    }
}
