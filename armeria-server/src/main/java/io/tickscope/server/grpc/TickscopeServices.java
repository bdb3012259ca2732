package io.tickscope.server.grpc;

import com.linecorp.armeria.common.grpc.GrpcMeterIdPrefixFunction;
import com.linecorp.armeria.common.grpc.GrpcSerializationFormats;
import com.linecorp.armeria.common.prometheus.PrometheusMeterRegistries;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.ServerListener;
import com.linecorp.armeria.server.docs.DocService;
import com.linecorp.armeria.server.grpc.GrpcHealthCheckService;
import com.linecorp.armeria.server.grpc.GrpcHealthCheckServiceBuilder;
import com.linecorp.armeria.server.grpc.GrpcService;
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
import io.tickscope.server.pricing.PriceBus;
import io.tickscope.server.security.ServerSecurity;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Registers everything the server serves on its one port. Production and tests both call
 * {@link #configureServices}, so they wire services in exactly one place.
 */
public final class TickscopeServices {

    private TickscopeServices() {}

    /**
     * Returns the pricing service of {@code backend} on its own, so that the same implementation can be hosted on
     * another gRPC server: the benchmark's plain grpc-java baseline. Its unary methods need nothing from Armeria;
     * WatchPrices delivers on the Armeria call's event loop and so runs on Armeria only.
     */
    public static BindableService pricingService(Backend backend) {
        return new PricingGrpcService(backend.priceBook(), backend.productStore(), new LiveStreams());
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
        LiveStreams liveStreams = new LiveStreams();
        List<ServerServiceDefinition> ownServices = List.of(
                new PricingGrpcService(backend.priceBook(), backend.productStore(), liveStreams).bindService(),
                new RecommendationGrpcService(
                                backend.catalogue(),
                                backend.recommender(),
                                backend.bookStore(),
                                backend.userStore(),
                                liveStreams)
                        .bindService(),
                new UserGrpcService(backend.userStore()).bindService());
        List<ServerServiceDefinition> tickscopeServices =
                Stream.concat(ownServices.stream(), extraServices.stream()).toList();
        LimitsConfigurator limitsConfigurator =
                LimitsConfigurator.of(limits, ClientKey.peerAddress(), tickscopeServices);
        limitsConfigurator.configureServer(sb);

        TickscopeExceptionHandler exceptionHandler = new TickscopeExceptionHandler(limits);
        GrpcService grpcService = limitsConfigurator
                .configureGrpc(GrpcService.builder())
                .addServiceDefinitions(tickscopeServices)
                .addService(healthCheckService(backend, healthCheckers))
                .addService(ProtoReflectionServiceV1.newInstance())
                .intercept(security.grpcInterceptor())
                .supportedSerializationFormats(GrpcSerializationFormats.values())
                .enableUnframedRequests(true)
                .enableHttpJsonTranscoding(true)
                .unframedGrpcErrorHandler(UnframedGrpcErrorHandler.ofJson())
                .exceptionHandler(exceptionHandler)
                .build();

        OpenHttpStreams openHttpStreams = new OpenHttpStreams();
        List<ServerInterceptor> callInterceptors = new ArrayList<>(limitsConfigurator.callInterceptors());
        // Last, so that it runs first, as on the gRPC service.
        callInterceptors.add(security.grpcInterceptor());
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
                limitsConfigurator::decorate);

        PrometheusMeterRegistry meterRegistry = PrometheusMeterRegistries.newRegistry();
        Gauge.builder("tickscope.price.watchers", backend.priceBus(), PriceBus::subscriberCount)
                .description("Open WatchPrices subscriptions")
                .register(meterRegistry);
        Gauge.builder("tickscope.price.max.backlog", backend.priceBus(), PriceBus::maxBacklog)
                .description("Largest number of price updates waiting for one slow watcher")
                .register(meterRegistry);
        Gauge.builder("tickscope.http.streams", openHttpStreams, OpenHttpStreams::count)
                .description("Open HTTP streams (Server-Sent Events and NDJSON) of server-streaming methods")
                .register(meterRegistry);
        Gauge.builder("tickscope.http.streams.max.unconsumed", openHttpStreams, OpenHttpStreams::maxUnconsumed)
                .description("Most events one HTTP stream holds for a client that has not read them yet")
                .register(meterRegistry);
        sb.meterRegistry(meterRegistry)
                .service(
                        grpcService,
                        service -> service.decorate(new UntranscodableRequests()),
                        service -> service.decorate(StreamingCallLimits.of(tickscopeServices)),
                        limitsConfigurator::decorate,
                        MetricCollectingService.newDecorator(GrpcMeterIdPrefixFunction.of("grpc.service")))
                .service(
                        "/internal/metrics",
                        PrometheusExpositionService.of(meterRegistry.getPrometheusRegistry())
                                .decorate(security.adminSurfaceDecorator()))
                .service(LivePage.PATH, LivePage.page().decorate(security.adminSurfaceDecorator()))
                .serviceUnder(LivePage.ASSETS, LivePage.assets().decorate(security.adminSurfaceDecorator()))
                .serviceUnder(
                        "/docs",
                        DocExamples.addTo(DocService.builder())
                                .injectedScripts(LivePage.DOC_SERVICE_LINK)
                                .build()
                                .decorate(security.adminSurfaceDecorator()))
                .accessLogWriter(AccessLogWriter.combined(), true)
                .serverListener(ServerListener.builder()
                        .whenStopping(server -> liveStreams.closeAll())
                        .build());
    }

    /** NOT_SERVING while the database cannot serve (a shared PostgreSQL that went away), SERVING again once it can. */
    private static ListenableHealthChecker storeHealth(Backend backend) {
        SettableHealthChecker health = new SettableHealthChecker(false);
        backend.watchStoreReachability(health::setHealthy);
        return health;
    }
}
