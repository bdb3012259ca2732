package io.tickscope.server.security;

import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.server.DecoratingHttpServiceFunction;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;

/** Guards an HTTP admin surface (/docs, /internal/metrics) with the {@link AccessPolicy}: 401, 403 or 404. */
final class AdminSurfaceDecorator implements DecoratingHttpServiceFunction {

    private final AccessPolicy policy;

    AdminSurfaceDecorator(AccessPolicy policy) {
        this.policy = policy;
    }

    @Override
    public HttpResponse serve(HttpService delegate, ServiceRequestContext ctx, HttpRequest req) throws Exception {
        Verdict verdict = policy.check(
                Access.ADMIN_SURFACE,
                ctx.path(),
                ctx.remoteAddress().getAddress(),
                req.headers().get(HttpHeaderNames.AUTHORIZATION));
        return switch (verdict.outcome()) {
            case ALLOWED -> delegate.serve(ctx, req);
            case UNAUTHENTICATED ->
                HttpResponse.of(
                        ResponseHeaders.builder(HttpStatus.UNAUTHORIZED)
                                .add(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer")
                                .contentType(MediaType.PLAIN_TEXT_UTF_8)
                                .build(),
                        HttpData.ofUtf8(verdict.reason()));
            case PERMISSION_DENIED ->
                HttpResponse.of(HttpStatus.FORBIDDEN, MediaType.PLAIN_TEXT_UTF_8, verdict.reason());
            case CLOSED -> HttpResponse.of(HttpStatus.NOT_FOUND, MediaType.PLAIN_TEXT_UTF_8, verdict.reason());
        };
    }
}
