package io.tickscope.server.grpc;

import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.server.DecoratingHttpServiceFunction;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Lifts two whole-call limits for streaming methods only: the request timeout (a price watch or a
 * recommendation session lives as long as its client wants) and the request length (Armeria counts a whole
 * client stream against it, so a long rating upload would be cut at 10 MiB). Unary calls keep both; every
 * message stays capped by the gRPC service's per-message limit. A deadline the client sends still applies,
 * because Armeria's gRPC service sets it from {@code grpc-timeout} after this decorator ran.
 */
final class StreamingCallLimits implements DecoratingHttpServiceFunction {

    private final Set<String> streamingPaths;

    private StreamingCallLimits(Set<String> streamingPaths) {
        this.streamingPaths = streamingPaths;
    }

    static StreamingCallLimits of(Iterable<ServerServiceDefinition> services) {
        Set<String> paths = new java.util.HashSet<>();
        for (ServerServiceDefinition service : services) {
            paths.addAll(service.getMethods().stream()
                    .map(method -> method.getMethodDescriptor())
                    .filter(descriptor -> descriptor.getType() != MethodDescriptor.MethodType.UNARY)
                    .map(descriptor -> '/' + descriptor.getFullMethodName())
                    .collect(Collectors.toSet()));
        }
        return new StreamingCallLimits(Set.copyOf(paths));
    }

    @Override
    public HttpResponse serve(HttpService delegate, ServiceRequestContext ctx, HttpRequest req) throws Exception {
        if (streamingPaths.contains(ctx.path())) {
            ctx.clearRequestTimeout();
            ctx.setMaxRequestLength(0);
        }
        return delegate.serve(ctx, req);
    }
}
