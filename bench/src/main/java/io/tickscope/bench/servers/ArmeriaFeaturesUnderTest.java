package io.tickscope.bench.servers;

import static java.util.Objects.requireNonNull;

import com.linecorp.armeria.common.SessionProtocol;
import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.ServerBuilder;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.tickscope.server.ServerSettings;
import io.tickscope.server.backend.Backend;
import io.tickscope.server.grpc.ServerFeature;
import io.tickscope.server.grpc.TickscopeServices;
import io.tickscope.server.limits.ServerLimits;
import io.tickscope.server.security.ServerSecurity;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An Armeria server built by Tickscope's own configuration code ({@link TickscopeServices#configureServices})
 * with only some of its {@link ServerFeature}s, over the same kind of backend: a step of the configuration
 * ladder, which adds the features one at a time to see what each costs.
 */
public final class ArmeriaFeaturesUnderTest implements AutoCloseable {

    private final @Nullable ScratchDirectory dataDirectory;
    private final @Nullable Backend ownBackend;
    private final Server server;

    private ArmeriaFeaturesUnderTest(
            @Nullable ScratchDirectory dataDirectory, @Nullable Backend ownBackend, Server server) {
        this.dataDirectory = dataDirectory;
        this.ownBackend = ownBackend;
        this.server = server;
    }

    /**
     * Starts a server with {@code features} over {@code backend}, which the caller started and closes: the steps
     * of the configuration ladder share one, so that a step costs a server start, not a database.
     */
    public static ArmeriaFeaturesUnderTest start(Backend backend, Set<ServerFeature> features) {
        return new ArmeriaFeaturesUnderTest(null, null, startServer(backend, features, false));
    }

    /**
     * Starts a server with every feature, on a plaintext port and on a TLS port with a self-signed certificate
     * ({@link #tlsPort()}), whose market makes {@code tickRate} changes per second.
     */
    public static ArmeriaFeaturesUnderTest startWithTls(int tickRate) {
        Set<ServerFeature> features = EnumSet.allOf(ServerFeature.class);
        ScratchDirectory dataDirectory = ScratchDirectory.create("tickscope-bench-features");
        Backend backend = Backend.open(dataDirectory.path(), ServerSettings.DEFAULT_SEED, tickRate, Clock.systemUTC());
        try {
            Server server = startServer(backend, features, true);
            backend.startMarket();
            return new ArmeriaFeaturesUnderTest(dataDirectory, backend, server);
        } catch (RuntimeException e) {
            backend.close();
            dataDirectory.close();
            throw e;
        }
    }

    private static Server startServer(Backend backend, Set<ServerFeature> features, boolean tls) {
        requireNonNull(features, "features");
        // A registry of its own, which records nothing (a composite of none, as Micrometer's global registry is until
        // something is added to it); the metrics feature replaces it with the Prometheus one. On the shared global
        // registry every server after the first would bind Armeria's blocking-executor meters again, and Micrometer
        // warns that armeria.executor.completed is already registered.
        ServerBuilder sb = Server.builder()
                .meterRegistry(new CompositeMeterRegistry())
                .http(new InetSocketAddress(Loopback.address(), 0));
        if (tls) {
            sb.https(new InetSocketAddress(Loopback.address(), 0)).tlsSelfSigned();
        }
        TickscopeServices.configureServices(
                sb, backend, ServerSecurity.development(), ServerLimits.defaults(), features);
        Server server = sb.build();
        server.start().join();
        return server;
    }

    /** Returns the plaintext port (HTTP/1.1 and HTTP/2). */
    public int port() {
        return server.activeLocalPort(SessionProtocol.HTTP);
    }

    /** Returns the TLS port of a server started with {@link #startWithTls}. */
    public int tlsPort() {
        return server.activeLocalPort(SessionProtocol.HTTPS);
    }

    @Override
    public void close() {
        try {
            server.stop().join();
        } finally {
            if (ownBackend != null) {
                ownBackend.close();
            }
            if (dataDirectory != null) {
                dataDirectory.close();
            }
        }
    }
}
