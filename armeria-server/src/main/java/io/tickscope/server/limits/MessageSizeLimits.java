package io.tickscope.server.limits;

import com.google.protobuf.MessageLite;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

/**
 * Holds each method to its own request message size and each client stream to its total. The gRPC service
 * already refuses any message above the largest per-method limit before parsing it, so memory stays bounded;
 * this check then applies the smaller limits of the methods that need less, on the parsed message's size
 * (which protobuf computes once and keeps). A call past a limit ends with RESOURCE_EXHAUSTED.
 */
final class MessageSizeLimits implements ServerInterceptor {

    private final ServerLimits limits;

    MessageSizeLimits(ServerLimits limits) {
        this.limits = limits;
    }

    @Override
    public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
            ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
        MethodDescriptor<ReqT, RespT> method = call.getMethodDescriptor();
        String name = method.getFullMethodName();
        long maxTotalBytes = method.getType().clientSendsOneMessage() ? Long.MAX_VALUE : limits.maxUploadStreamBytes();
        return new CheckingListener<>(
                next.startCall(call, headers), call, name, limits.maxRequestMessageBytes(name), maxTotalBytes);
    }

    /** Counts the bytes of each message; after a violation it forwards nothing but the call's end. */
    private static final class CheckingListener<ReqT> extends SimpleForwardingServerCallListener<ReqT> {

        private final ServerCall<ReqT, ?> call;
        private final String method;
        private final int maxMessageBytes;
        private final long maxTotalBytes;
        private long totalBytes;
        private boolean rejected;

        CheckingListener(
                ServerCall.Listener<ReqT> delegate,
                ServerCall<ReqT, ?> call,
                String method,
                int maxMessageBytes,
                long maxTotalBytes) {
            super(delegate);
            this.call = call;
            this.method = method;
            this.maxMessageBytes = maxMessageBytes;
            this.maxTotalBytes = maxTotalBytes;
        }

        @Override
        public void onMessage(ReqT message) {
            if (rejected) {
                return;
            }
            int bytes = message instanceof MessageLite protobuf ? protobuf.getSerializedSize() : 0;
            totalBytes += bytes;
            if (bytes > maxMessageBytes) {
                reject("request message of " + method + ": " + bytes + " bytes (expected: <= " + maxMessageBytes + ')');
            } else if (totalBytes > maxTotalBytes) {
                reject("request stream of " + method + ": " + totalBytes + " bytes so far (expected: <= "
                        + maxTotalBytes + " in total)");
            } else {
                super.onMessage(message);
            }
        }

        @Override
        public void onHalfClose() {
            if (!rejected) {
                super.onHalfClose();
            }
        }

        private void reject(String description) {
            rejected = true;
            call.close(Status.RESOURCE_EXHAUSTED.withDescription(description), new Metadata());
        }
    }
}
