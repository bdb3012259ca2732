package io.tickscope.server.grpc;

import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.reflection.v1.ServerReflectionGrpc;

/**
 * Calls a reflection stream's {@code onReady} between its other callbacks, never inside one, as grpc-java
 * promises of an on-ready handler. Armeria's non-blocking path can call it from inside {@code onMessage}, when the
 * answer the service writes there leaves the stream ready at once (line/armeria#6938, open). grpc-java's
 * reflection service clears its pending request only after writing the answer, so it then answered that request
 * twice, asked for two more, and failed the stream with an IllegalStateException when the second arrived: a
 * client that sends requests before their answers (the desktop's Explorer does) saw its stream fail now and then.
 * Tickscope's own streams never re-enter their handlers, so only reflection is guarded.
 */
final class ReflectionOnReadyBetweenCallbacks implements ServerInterceptor {

    @Override
    public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
            ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
        ServerCall.Listener<ReqT> listener = next.startCall(call, headers);
        return ServerReflectionGrpc.SERVICE_NAME.equals(
                        call.getMethodDescriptor().getServiceName())
                ? new Serialized<>(listener)
                : listener;
    }

    /**
     * A listener whose {@code onReady}, when it arrives during another callback, runs right after that callback
     * returns. A call's callbacks come one at a time (on Armeria's event loop), so the flags need no lock.
     */
    static final class Serialized<ReqT> extends SimpleForwardingServerCallListener<ReqT> {

        private boolean inCallback;
        private boolean readyDuringCallback;

        Serialized(ServerCall.Listener<ReqT> delegate) {
            super(delegate);
        }

        @Override
        public void onMessage(ReqT message) {
            run(() -> super.onMessage(message));
        }

        @Override
        public void onHalfClose() {
            run(super::onHalfClose);
        }

        @Override
        public void onReady() {
            if (inCallback) {
                readyDuringCallback = true;
            } else {
                run(super::onReady);
            }
        }

        private void run(Runnable callback) {
            inCallback = true;
            try {
                callback.run();
            } finally {
                inCallback = false;
            }
            if (readyDuringCallback) {
                readyDuringCallback = false;
                onReady();
            }
        }
    }
}
