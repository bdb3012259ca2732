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
 * Fits two whole-request limits of unary calls to the one message they carry.
 *
 * <p>The deadline: the gRPC service sets a call's timeout from the client's {@code grpc-timeout} while it starts
 * serving, so this decorator shortens it right after to the server's cap; a client asking for an hour gets the
 * cap and then DEADLINE_EXCEEDED, as if it had asked for the cap. Clamping, not rejecting, because generous
 * client deadlines are common and harmless up to the cap. Streaming calls keep the client's deadline (or none):
 * they are meant to live long, and their cost is bounded per message.
 *
 * <p>The request length: Armeria's 10 MiB default would both allow far more than any of our unary messages and
 * refuse a larger per-method limit, so a unary request may be as long as the largest message plus its gRPC
 * frame header. The per-method check then gives the precise status.
 */
final class UnaryCallLimits implements DecoratingHttpServiceFunction {

    /** The gRPC length-prefixed message header: a compression flag and a four-byte length. */
    private static final int FRAME_HEADER_BYTES = 5;

    private final Set<String> unaryPaths;
    private final long deadlineCapMillis;
    private final long maxRequestBytes;

    UnaryCallLimits(Set<String> unaryPaths, Duration deadlineCap, int maxMessageBytes) {
        this.unaryPaths = Set.copyOf(unaryPaths);
        this.deadlineCapMillis = deadlineCap.toMillis();
        this.maxRequestBytes = (long) maxMessageBytes + FRAME_HEADER_BYTES;
    }

    @Override
    public HttpResponse serve(HttpService delegate, ServiceRequestContext ctx, HttpRequest req) throws Exception {
        boolean unary = unaryPaths.contains(ctx.path());
        if (unary) {
            ctx.setMaxRequestLength(maxRequestBytes);
        }
        HttpResponse response = delegate.serve(ctx, req);
        if (unary) {
            long timeoutMillis = ctx.requestTimeoutMillis();
            if (timeoutMillis == 0 || timeoutMillis > deadlineCapMillis) {
                ctx.setRequestTimeout(TimeoutMode.SET_FROM_START, Duration.ofMillis(deadlineCapMillis));
            }
        }
        return response;
    }
}
