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
 * Clears the server's default request timeout for streaming methods only: a price watch or a recommendation
 * session lives as long as its client wants, while unary calls keep the timeout. A deadline the client
 * sends still applies, because Armeria's gRPC service sets it from {@code grpc-timeout} after this
 * decorator ran.
 */
final class StreamingRequestTimeouts implements DecoratingHttpServiceFunction {

    private final Set<String> streamingPaths;

    private StreamingRequestTimeouts(Set<String> streamingPaths) {
        this.streamingPaths = streamingPaths;
    }

    static StreamingRequestTimeouts of(Iterable<ServerServiceDefinition> services) {
        Set<String> paths = new java.util.HashSet<>();
        for (ServerServiceDefinition service : services) {
            paths.addAll(service.getMethods().stream()
                    .map(method -> method.getMethodDescriptor())
                    .filter(descriptor -> descriptor.getType() != MethodDescriptor.MethodType.UNARY)
                    .map(descriptor -> '/' + descriptor.getFullMethodName())
                    .collect(Collectors.toSet()));
        }
        return new StreamingRequestTimeouts(Set.copyOf(paths));
    }

    @Override
    public HttpResponse serve(HttpService delegate, ServiceRequestContext ctx, HttpRequest req) throws Exception {
        if (streamingPaths.contains(ctx.path())) {
            ctx.clearRequestTimeout();
        }
        return delegate.serve(ctx, req);
    }
}
