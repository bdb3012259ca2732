package io.tickscope.server.grpc;

import com.linecorp.armeria.common.SerializationFormat;
import com.linecorp.armeria.common.grpc.GrpcMeterIdPrefixFunction;
import com.linecorp.armeria.common.grpc.GrpcSerializationFormats;
import com.linecorp.armeria.common.prometheus.PrometheusMeterRegistries;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.ServerListener;
import com.linecorp.armeria.server.docs.DocService;
import com.linecorp.armeria.server.docs.DocServiceBuilder;
import com.linecorp.armeria.server.grpc.GrpcHealthCheckService;
import com.linecorp.armeria.server.grpc.GrpcHealthCheckServiceBuilder;
import com.linecorp.armeria.server.grpc.GrpcService;
import com.linecorp.armeria.server.grpc.GrpcServiceBuilder;
import com.linecorp.armeria.server.grpc.UnframedGrpcErrorHandler;
import com.linecorp.armeria.server.healthcheck.ListenableHealthChecker;
import com.linecorp.armeria.server.healthcheck.SettableHealthChecker;
import com.linecorp.armeria.server.logging.AccessLogWriter;
import com.linecorp.armeria.server.metric.MetricCollectingService;
import com.linecorp.armeria.server.prometheus.PrometheusExpositionService;
import io.grpc.BindableService;
import io.grpc.ServerInterceptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tickscope.server.backend.Backend;
import io.tickscope.server.limits.ClientKey;
import io.tickscope.server.limits.LimitsConfigurator;
import io.tickscope.server.limits.ServerLimits;
import io.tickscope.server.pricing.HistoryWriter;
import io.tickscope.server.pricing.PriceBus;
import io.tickscope.server.security.ServerSecurity;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Registers everything the server serves on its one port. Production and tests both call
 * {@link #configureServices}, so they wire services in exactly one place.
 */
public final class TickscopeServices {

    /** The name under which every call's meters are published: {@code grpc_service_requests_total} and its kin. */
    private static final String CALL_METER_PREFIX = "grpc.service";

    private TickscopeServices() {}

    /**
     * Returns the pricing service of {@code backend} on its own, so that the same implementation can be hosted on
     * another gRPC server: the benchmark's plain grpc-java baseline. Its unary methods need nothing from Armeria;
     * WatchPrices delivers on the Armeria call's event loop and so runs on Armeria only.
     */
    public static BindableService pricingService(Backend backend) {
        return new PricingGrpcService(
                backend.priceBook(), backend.productStore(), backend.priceHistory(), new LiveStreams());
    }

    /** Wires every service with the development security and the default limits. */
    public static void configureServices(ServerBuilder sb, Backend backend) {
        configureServices(sb, backend, ServerSecurity.development(), ServerLimits.defaults(), List.of());
    }

    /**
     * Returns gRPC health: SERVING while the server runs, every one of {@code healthCheckers} (the drain switch,
     * {@code TickscopeServer.setServing}) is healthy, the database answers and, as a cluster's replica, while it
     * reaches NATS. Each checker pushes its changes, so Watch streams hear of them at once.
     */
    private static GrpcHealthCheckService healthCheckService(
            Backend backend, List<ListenableHealthChecker> healthCheckers) {
        GrpcHealthCheckServiceBuilder health =
                GrpcHealthCheckService.builder().checkers(healthCheckers).checkers(storeHealth(backend));
        if (backend.isReplica()) {
            // Pushed, not polled: Watch streams (grpc-java's client-side health checking) hear of a change at once.
            SettableHealthChecker serving = new SettableHealthChecker(backend.isServing());
            backend.onServingChange(serving::setHealthy);
            health.checkers(serving);
        }
        return health.build();
    }

    /**
     * Registers Tickscope's services, and {@code extraServices} beside them in the same gRPC service (the official
     * interop suite's TestService, in its test), behind {@code security}'s token and admin-surface checks and
     * under {@code limits}.
     */
    public static void configureServices(
            ServerBuilder sb,
            Backend backend,
            ServerSecurity security,
            ServerLimits limits,
            List<ServerServiceDefinition> extraServices) {
        configureServices(sb, backend, security, limits, extraServices, List.of());
    }

    /**
     * Registers the services as above; the gRPC health service ({@code grpc.health.v1}) says NOT_SERVING while any
     * of {@code healthCheckers} is unhealthy, so that clients balancing over replicas leave this one.
     */
    public static void configureServices(
            ServerBuilder sb,
            Backend backend,
            ServerSecurity security,
            ServerLimits limits,
            List<ServerServiceDefinition> extraServices,
            List<ListenableHealthChecker> healthCheckers) {
        configureServices(
                sb, backend, security, limits, extraServices, healthCheckers, EnumSet.allOf(ServerFeature.class));
    }

    /**
     * Registers the pricing service and only those of Tickscope's {@code features} named: what the benchmark
     * measures, one feature added at a time. Production serves every feature.
     */
    public static void configureServices(
            ServerBuilder sb,
            Backend backend,
            ServerSecurity security,
            ServerLimits limits,
            Set<ServerFeature> features) {
        configureServices(sb, backend, security, limits, List.of(), List.of(), features);
    }

    private static void configureServices(
            ServerBuilder sb,
            Backend backend,
            ServerSecurity security,
            ServerLimits limits,
            List<ServerServiceDefinition> extraServices,
            List<ListenableHealthChecker> healthCheckers,
            Set<ServerFeature> features) {
        // No "server: Armeria" on every response: HTTP does not ask for it (RFC 9110, 10.2.4), it names the software
        // to whoever probes the port, and writing it costs each call (docs/benchmarks.md, target 5). The date
        // header stays: HTTP requires it of a server with a clock.
        sb.disableServerHeader();
        LiveStreams liveStreams = new LiveStreams();
        List<ServerServiceDefinition> ownServices = new ArrayList<>();
        ownServices.add(
                new PricingGrpcService(backend.priceBook(), backend.productStore(), backend.priceHistory(), liveStreams)
                        .bindService());
        if (features.contains(ServerFeature.OTHER_SERVICES)) {
            ownServices.add(new RecommendationGrpcService(
                            backend.catalogue(),
                            backend.recommender(),
                            backend.bookStore(),
                            backend.userStore(),
                            liveStreams)
                    .bindService());
            ownServices.add(new UserGrpcService(backend.userStore()).bindService());
        }
        List<ServerServiceDefinition> tickscopeServices =
                Stream.concat(ownServices.stream(), extraServices.stream()).toList();
        LimitsConfigurator limitsConfigurator =
                LimitsConfigurator.of(limits, ClientKey.peerAddress(), tickscopeServices);
        boolean limited = features.contains(ServerFeature.LIMITS);
        if (limited) {
            limitsConfigurator.configureServer(sb);
        }

        GrpcServiceBuilder grpc = GrpcService.builder();
        if (limited) {
            limitsConfigurator.configureGrpc(grpc);
        }
        grpc.addServiceDefinitions(tickscopeServices).supportedSerializationFormats(serializationFormats(features));
        if (features.contains(ServerFeature.HEALTH)) {
            grpc.addService(healthCheckService(backend, healthCheckers))
                    .intercept(new HealthWatchesEndOnStop(liveStreams));
        }
        if (features.contains(ServerFeature.REFLECTION)) {
            grpc.addService(ProtoReflectionServiceV1.newInstance()).intercept(new ReflectionOnReadyBetweenCallbacks());
        }
        if (features.contains(ServerFeature.AUTH)) {
            grpc.intercept(security.grpcInterceptor());
        }
        if (features.contains(ServerFeature.UNFRAMED_JSON)) {
            grpc.enableUnframedRequests(true).unframedGrpcErrorHandler(UnframedGrpcErrorHandler.ofJson());
        }
        if (features.contains(ServerFeature.HTTP_JSON_TRANSCODING)) {
            grpc.enableHttpJsonTranscoding(true);
        }
        TickscopeExceptionHandler exceptionHandler = new TickscopeExceptionHandler(limits);
        if (features.contains(ServerFeature.EXCEPTION_HANDLER)) {
            grpc.exceptionHandler(exceptionHandler);
        }
        GrpcService grpcService = grpc.build();
        OpenHttpStreams openHttpStreams = new OpenHttpStreams();
        if (features.contains(ServerFeature.HTTP_STREAMS)) {
            List<ServerInterceptor> callInterceptors = new ArrayList<>();
            if (limited) {
                callInterceptors.addAll(limitsConfigurator.callInterceptors());
            }
            if (features.contains(ServerFeature.AUTH)) {
                // Last, so that it runs first, as on the gRPC service.
                callInterceptors.add(security.grpcInterceptor());
            }
            HttpStreamRoutes.addTo(
                    sb,
                    tickscopeServices,
                    callInterceptors,
                    new HttpStreamCodec(
                            tickscopeServices.stream()
                                    .map(ServerServiceDefinition::getServiceDescriptor)
                                    .toList(),
                            exceptionHandler),
                    openHttpStreams,
                    limited ? limitsConfigurator::decorate : Function.identity());
        }

        List<Function<? super HttpService, ? extends HttpService>> decorators = new ArrayList<>();
        if (features.contains(ServerFeature.HTTP_JSON_TRANSCODING)) {
            decorators.add(service -> service.decorate(new UntranscodableRequests()));
        }
        if (limited) {
            decorators.add(service -> service.decorate(StreamingCallLimits.of(tickscopeServices)));
            decorators.add(limitsConfigurator::decorate);
        }
        Function<HttpService, HttpService> adminSurface = features.contains(ServerFeature.AUTH)
                ? page -> page.decorate(security.adminSurfaceDecorator())
                : Function.identity();
        if (features.contains(ServerFeature.METRICS)) {
            PrometheusMeterRegistry meterRegistry = PrometheusMeterRegistries.newRegistry();
            meterRegistry.config().meterFilter(new CallLatencyBuckets(CALL_METER_PREFIX));
            Gauge.builder("tickscope.price.watchers", backend.priceBus(), PriceBus::subscriberCount)
                    .description("Open WatchPrices subscriptions")
                    .register(meterRegistry);
            Gauge.builder("tickscope.price.max.backlog", backend.priceBus(), PriceBus::maxBacklog)
                    .description("Largest number of price updates waiting for one slow watcher")
                    .register(meterRegistry);
            backend.historyWriter().ifPresent(writer -> {
                Gauge.builder("tickscope.history.backlog", writer, HistoryWriter::backlog)
                        .description("Price changes waiting to be stored as history")
                        .register(meterRegistry);
                Gauge.builder("tickscope.history.dropped", writer, HistoryWriter::droppedCount)
                        .description("Price changes dropped from history since start, because the store fell behind")
                        .register(meterRegistry);
            });
            Gauge.builder("tickscope.http.streams", openHttpStreams, OpenHttpStreams::count)
                    .description("Open HTTP streams (Server-Sent Events and NDJSON) of server-streaming methods")
                    .register(meterRegistry);
            Gauge.builder("tickscope.http.streams.max.unconsumed", openHttpStreams, OpenHttpStreams::maxUnconsumed)
                    .description("Most events one HTTP stream holds for a client that has not read them yet")
                    .register(meterRegistry);
            decorators.add(MetricCollectingService.newDecorator(GrpcMeterIdPrefixFunction.of(CALL_METER_PREFIX)));
            sb.meterRegistry(meterRegistry)
                    .service(
                            "/internal/metrics",
                            adminSurface.apply(PrometheusExpositionService.of(meterRegistry.getPrometheusRegistry())));
        }
        sb.service(grpcService, decorators);
        if (features.contains(ServerFeature.LIVE_PAGE)) {
            sb.service(LivePage.PATH, adminSurface.apply(LivePage.page()))
                    .serviceUnder(LivePage.ASSETS, adminSurface.apply(LivePage.assets()));
        }
        if (features.contains(ServerFeature.DOC_SERVICE)) {
            DocServiceBuilder docs = DocExamples.addTo(
                    DocService.builder(), backend.priceBook().clock().instant());
            if (features.contains(ServerFeature.LIVE_PAGE)) {
                docs.injectedScripts(LivePage.DOC_SERVICE_LINK);
            }
            sb.serviceUnder("/docs", adminSurface.apply(docs.build()));
        }
        if (features.contains(ServerFeature.ACCESS_LOG)) {
            sb.accessLogWriter(AccessLogWriter.combined(), true);
        }
        sb.serverListener(ServerListener.builder()
                .whenStopping(server -> liveStreams.closeAll())
                .build());
    }

    /**
     * Binary gRPC always; gRPC's JSON framing with unframed JSON (which a JSON request becomes); gRPC-Web's four
     * framings with gRPC-Web.
     */
    private static List<SerializationFormat> serializationFormats(Set<ServerFeature> features) {
        List<SerializationFormat> formats = new ArrayList<>(List.of(GrpcSerializationFormats.PROTO));
        boolean json = features.contains(ServerFeature.UNFRAMED_JSON);
        if (json) {
            formats.add(GrpcSerializationFormats.JSON);
        }
        if (features.contains(ServerFeature.GRPC_WEB)) {
            formats.add(GrpcSerializationFormats.PROTO_WEB);
            formats.add(GrpcSerializationFormats.PROTO_WEB_TEXT);
            if (json) {
                formats.add(GrpcSerializationFormats.JSON_WEB);
            }
        }
        return formats;
    }

    /** NOT_SERVING while the database cannot serve (a shared PostgreSQL that went away), SERVING again once it can. */
    private static ListenableHealthChecker storeHealth(Backend backend) {
        SettableHealthChecker health = new SettableHealthChecker(false);
        backend.watchStoreReachability(health::setHealthy);
        return health;
    }
}
