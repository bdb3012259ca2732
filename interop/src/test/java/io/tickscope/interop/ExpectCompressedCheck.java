package io.tickscope.interop;

import com.linecorp.armeria.server.ServiceRequestContext;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.testing.integration.Messages.SimpleRequest;
import io.grpc.testing.integration.Messages.StreamingInputCallRequest;

/**
 * The {@code expect_compressed} check of the interop spec, which grpc-java's TestServiceImpl leaves out ("the Java
 * API does not support inspecting a message's compression level"): a request that expects to have arrived
 * compressed but did not is refused with INVALID_ARGUMENT. A client compresses messages only after announcing
 * {@code grpc-encoding}, so a call without that header carried none compressed.
 */
final class ExpectCompressedCheck implements ServerInterceptor {

    @Override
    public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
            ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
        String encoding = ServiceRequestContext.current().request().headers().get("grpc-encoding");
        boolean mayBeCompressed = encoding != null && !encoding.equals("identity");
        return new SimpleForwardingServerCallListener<>(next.startCall(call, headers)) {
            private boolean refused;

            @Override
            public void onMessage(ReqT message) {
                if (refused) {
                    return;
                }
                if (!mayBeCompressed && expectsCompression(message)) {
                    refused = true;
                    call.close(
                            Status.INVALID_ARGUMENT.withDescription(
                                    "expect_compressed: true (expected: a compressed message, got an uncompressed one)"),
                            new Metadata());
                    return;
                }
                super.onMessage(message);
            }

            @Override
            public void onHalfClose() {
                if (!refused) {
                    super.onHalfClose();
                }
            }
        };
    }

    private static boolean expectsCompression(Object message) {
        if (message instanceof SimpleRequest request) {
            return request.getExpectCompressed().getValue();
        }
        return message instanceof StreamingInputCallRequest request
                && request.getExpectCompressed().getValue();
    }
}
