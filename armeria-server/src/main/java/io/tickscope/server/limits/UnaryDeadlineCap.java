package io.tickscope.server.limits;

import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.util.TimeoutMode;
import com.linecorp.armeria.server.DecoratingHttpServiceFunction;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import java.time.Duration;
import java.util.Set;

/**
 * Clamps the deadline of unary calls to the server's cap. The gRPC service sets a call's timeout from the
 * client's {@code grpc-timeout} while it starts serving, so this decorator shortens it right after: a client
 * asking for an hour gets the cap and then DEADLINE_EXCEEDED, as if it had asked for the cap. Clamping, not
 * rejecting, because generous client deadlines are common and harmless up to the cap. Streaming calls keep
 * the client's deadline (or none): they are meant to live long, and their cost is bounded per message.
 */
final class UnaryDeadlineCap implements DecoratingHttpServiceFunction {

    private final Set<String> unaryPaths;
    private final long capMillis;

    UnaryDeadlineCap(Set<String> unaryPaths, Duration cap) {
        this.unaryPaths = Set.copyOf(unaryPaths);
        this.capMillis = cap.toMillis();
    }

    @Override
    public HttpResponse serve(HttpService delegate, ServiceRequestContext ctx, HttpRequest req) throws Exception {
        HttpResponse response = delegate.serve(ctx, req);
        if (unaryPaths.contains(ctx.path())) {
            long timeoutMillis = ctx.requestTimeoutMillis();
            if (timeoutMillis == 0 || timeoutMillis > capMillis) {
                ctx.setRequestTimeout(TimeoutMode.SET_FROM_START, Duration.ofMillis(capMillis));
            }
        }
        return response;
    }
}
