package io.tickscope.interop;

import com.linecorp.armeria.common.SessionProtocol;
import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.ServerBuilder;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.services.MetricRecorder;
import io.grpc.testing.integration.AbstractInteropTest;
import io.grpc.testing.integration.TestServiceGrpc;
import io.grpc.testing.integration.TestServiceImpl;
import io.grpc.xds.orca.OrcaMetricReportingServerInterceptor;
import io.grpc.xds.orca.OrcaServiceImpl;
import io.tickscope.server.backend.Backend;
import io.tickscope.server.grpc.TickscopeServices;
import io.tickscope.server.limits.RateLimit;
import io.tickscope.server.limits.ServerLimits;
import io.tickscope.server.security.ServerSecurity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * grpc-java's interop TestService (and its ORCA load-report service) hosted beside Tickscope's services through
 * the production wiring ({@link TickscopeServices#configureServices}: the same decorators, limits and exception
 * handling), on a plaintext port and a TLS port. As grpc-java's own TestServiceServer does, it wraps the
 * TestService with the interceptors that echo metadata and report backend metrics, and adds the
 * {@link ExpectCompressedCheck} that grpc-java's own server lacks.
 */
final class InteropServer implements AutoCloseable {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final Backend backend;
    private final Server server;

    InteropServer(Path dataDirectory) throws IOException {
        backend = Backend.open(dataDirectory, 42, 0, Clock.systemUTC());
        MetricRecorder metricRecorder = MetricRecorder.newInstance();
        ServerServiceDefinition testService = ServerInterceptors.intercept(
                ServerInterceptors.intercept(
                        new TestServiceImpl(executor, metricRecorder), TestServiceImpl.interceptors()),
                OrcaMetricReportingServerInterceptor.create(metricRecorder),
                new ExpectCompressedCheck());
        ServerServiceDefinition orcaService = OrcaServiceImpl.createService(
                        executor, metricRecorder, 1, TimeUnit.SECONDS)
                .bindService();
        ServerBuilder sb = Server.builder().http(0);
        InteropTls.listen(sb, Files.createDirectories(dataDirectory.resolve("tls")));
        TickscopeServices.configureServices(
                sb, backend, ServerSecurity.development(), limits(), List.of(testService, orcaService));
        server = sb.build();
        server.start().join();
    }

    /**
     * The headless server's limits (its per-client rate limit included), plus room for the TestService's
     * messages: the suite sends up to 10 MiB in one request ({@code very_large_request}).
     */
    private static ServerLimits limits() {
        ServerLimits.Builder limits =
                ServerLimits.defaults().toBuilder().rateLimit(RateLimit.perSecond(RateLimit.HEADLESS_CALLS_PER_SECOND));
        TestServiceGrpc.getServiceDescriptor()
                .getMethods()
                .forEach(method -> limits.maxRequestMessageBytes(
                        method.getFullMethodName(), AbstractInteropTest.MAX_MESSAGE_SIZE));
        return limits.build();
    }

    int port(SessionProtocol protocol) {
        return server.activeLocalPort(protocol);
    }

    @Override
    public void close() {
        server.stop().join();
        backend.close();
        executor.shutdownNow();
    }
}
