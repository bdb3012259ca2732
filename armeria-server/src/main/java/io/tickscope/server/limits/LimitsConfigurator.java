package io.tickscope.server.limits;

import static java.util.Objects.requireNonNull;

import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.grpc.GrpcServiceBuilder;
import io.grpc.MethodDescriptor;
import io.grpc.ServerInterceptor;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.netty.channel.ChannelPipeline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies {@link ServerLimits}: the connection and HTTP/2 limits to the server, the message, stream and rate
 * limits to the gRPC service, and the deadline cap as a decorator of the gRPC service's route. The one place
 * where limits meet Armeria.
 */
public final class LimitsConfigurator {

    /** The gRPC length-prefixed message header: a compression flag and a four-byte length. */
    private static final int GRPC_FRAME_HEADER_BYTES = 5;

    /** Resets, received and provoked, are counted per window of this many seconds. */
    private static final int RESET_WINDOW_SECONDS = 60;

    private final ServerLimits limits;
    private final ClientKey clientKey;
    private final Set<String> unaryPaths;
    private final List<ServerInterceptor> callInterceptors;

    private LimitsConfigurator(ServerLimits limits, ClientKey clientKey, Set<String> unaryPaths) {
        this.limits = limits;
        this.clientKey = clientKey;
        this.unaryPaths = unaryPaths;
        callInterceptors = newCallInterceptors();
    }

    /** Returns a configurator of {@code limits} for a gRPC service hosting {@code services}. */
    public static LimitsConfigurator of(
            ServerLimits limits, ClientKey clientKey, List<ServerServiceDefinition> services) {
        requireNonNull(limits, "limits");
        requireNonNull(clientKey, "clientKey");
        Set<String> unaryPaths = new HashSet<>();
        for (ServerServiceDefinition service : services) {
            for (ServerMethodDefinition<?, ?> method : service.getMethods()) {
                MethodDescriptor<?, ?> descriptor = method.getMethodDescriptor();
                if (descriptor.getType() == MethodDescriptor.MethodType.UNARY) {
                    unaryPaths.add('/' + descriptor.getFullMethodName());
                }
            }
        }
        return new LimitsConfigurator(limits, clientKey, Set.copyOf(unaryPaths));
    }

    /**
     * Limits connections: how many, how old (with {@link ConnectionAgeGrace} for calls that outlive the age), how
     * many streams each, how many resets, how long a request, and how big a header block HTTP/2 decodes at all
     * (twice the metadata limit, so that {@link #decorate} can answer the calls between with a precise status).
     * Netty closes a connection past the reset budget with GOAWAY (ENHANCE_YOUR_CALM), which is what stops a
     * rapid-reset flood; {@link ProvokedResetGuard} does the same for resets the client provokes the server into.
     */
    public ServerBuilder configureServer(ServerBuilder sb) {
        return sb.maxNumConnections(limits.maxConnections())
                // Every route but the streaming gRPC methods (StreamingCallLimits lifts it for those) carries one
                // message per request: a unary call, a JSON or REST request. Twice the largest message, so that a
                // message somewhat too large meets the gRPC service's own check and its precise RESOURCE_EXHAUSTED;
                // a request declaring more than this is refused by HTTP (413) before a byte of it is read.
                .maxRequestLength(2L * limits.largestRequestMessageBytes() + GRPC_FRAME_HEADER_BYTES)
                .http2MaxStreamsPerConnection(limits.maxStreamsPerConnection())
                .http2MaxHeaderListSize(2L * limits.maxMetadataBytes())
                .http2MaxResetFramesPerWindow(limits.maxResetFramesPerMinute(), RESET_WINDOW_SECONDS)
                .maxConnectionAge(limits.maxConnectionAge())
                .connectionDrainDuration(limits.connectionDrain())
                .idleTimeout(limits.idleTimeout())
                .pingInterval(limits.pingInterval())
                .childChannelPipelineCustomizer(this::addConnectionHandlers);
    }

    private void addConnectionHandlers(ChannelPipeline pipeline) {
        // Before Armeria's last handler, which takes requests and passes nothing on.
        String armeriasLast = pipeline.lastContext().name();
        pipeline.addBefore(
                armeriasLast,
                null,
                new ProvokedResetGuard(limits.maxProvokedResetsPerMinute(), Duration.ofSeconds(RESET_WINDOW_SECONDS)));
        if (!limits.maxConnectionAge().isZero()) {
            pipeline.addBefore(
                    armeriasLast,
                    null,
                    new ConnectionAgeGrace(
                            limits.maxConnectionAge(), limits.connectionDrain(), limits.connectionAgeGrace()));
        }
    }

    /**
     * Limits calls: the transport reads no message above the largest per-method limit, each method is held to
     * its own, client streams to their total, and each client to its rate. The rate limiter runs first, so a
     * throttled call costs no more than a bucket lookup.
     */
    public GrpcServiceBuilder configureGrpc(GrpcServiceBuilder grpc) {
        grpc.maxRequestMessageLength(limits.largestRequestMessageBytes());
        callInterceptors.forEach(grpc::intercept);
        return grpc;
    }

    /**
     * Returns the per-call limits as interceptors, in the order {@link GrpcServiceBuilder#intercept} and {@code
     * ServerInterceptors.intercept} take them (the last runs first), for a route that starts gRPC calls itself: the
     * HTTP streams of server-streaming methods. They are the very instances the gRPC service uses, so a client's
     * rate is counted once whichever protocol it calls through.
     */
    public List<ServerInterceptor> callInterceptors() {
        return callInterceptors;
    }

    private List<ServerInterceptor> newCallInterceptors() {
        List<ServerInterceptor> interceptors = new ArrayList<>();
        interceptors.add(new MessageSizeLimits(limits));
        if (!limits.rateLimit().isUnlimited()) {
            // Added last, so it runs first: a throttled call costs no more than a bucket lookup.
            interceptors.add(new ClientRateLimiter(limits.rateLimit(), clientKey));
        }
        return List.copyOf(interceptors);
    }

    /**
     * Decorates the gRPC service's route with the limits that need the request's headers: metadata size (checked
     * first), then the deadline cap of unary calls.
     */
    public HttpService decorate(HttpService grpcService) {
        return grpcService
                .decorate(new UnaryDeadlineCap(unaryPaths, limits.maxClientDeadline()))
                .decorate(new MetadataSizeLimit(limits.maxMetadataBytes()));
    }
}
