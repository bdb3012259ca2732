package io.tickscope.server.security;

import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

/**
 * Checks every gRPC call against the {@link AccessPolicy} before the service sees it. It runs for gRPC, gRPC-Web,
 * unframed JSON and the transcoded REST routes alike, because Armeria turns all of them into the same gRPC call;
 * a refused REST or JSON call answers 401 or 403, Armeria's HTTP equivalent of the status.
 */
final class AccessInterceptor implements ServerInterceptor {

    private final AccessPolicy policy;

    AccessInterceptor(AccessPolicy policy) {
        this.policy = policy;
    }

    @Override
    public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
            ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
        String method = call.getMethodDescriptor().getFullMethodName();
        // The TCP peer, not X-Forwarded-For: a header cannot make a remote caller look like loopback.
        ServiceRequestContext ctx = ServiceRequestContext.current();
        Verdict verdict = policy.check(
                MethodAccess.of(method),
                method,
                ctx.remoteAddress().getAddress(),
                ctx.request().headers().get(HttpHeaderNames.AUTHORIZATION));
        if (verdict.isAllowed()) {
            return next.startCall(call, headers);
        }
        call.close(statusOf(verdict), new Metadata());
        return new ServerCall.Listener<>() {};
    }

    private static Status statusOf(Verdict verdict) {
        Status status =
                switch (verdict.outcome()) {
                    case UNAUTHENTICATED -> Status.UNAUTHENTICATED;
                    case PERMISSION_DENIED -> Status.PERMISSION_DENIED;
                    case CLOSED -> Status.UNIMPLEMENTED;
                    case ALLOWED -> throw new IllegalArgumentException("verdict: allowed (expected: a refusal)");
                };
        return status.withDescription(verdict.reason());
    }
}
