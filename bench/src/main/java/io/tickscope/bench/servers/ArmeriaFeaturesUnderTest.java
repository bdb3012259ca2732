package io.tickscope.bench.servers;

import static java.util.Objects.requireNonNull;

import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.ServerBuilder;
import io.tickscope.server.ServerSettings;
import io.tickscope.server.backend.Backend;
import io.tickscope.server.grpc.ServerFeature;
import io.tickscope.server.grpc.TickscopeServices;
import io.tickscope.server.limits.ServerLimits;
import io.tickscope.server.security.ServerSecurity;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Set;

/**
 * An Armeria server built by Tickscope's own configuration code ({@link TickscopeServices#configureServices})
 * with only some of its {@link ServerFeature}s, over the same kind of backend: a step of the configuration
 * ladder, which adds the features one at a time to see what each costs.
 */
public final class ArmeriaFeaturesUnderTest implements AutoCloseable {

    private final ScratchDirectory dataDirectory;
    private final Backend backend;
    private final Server server;

    private ArmeriaFeaturesUnderTest(ScratchDirectory dataDirectory, Backend backend, Server server) {
        this.dataDirectory = dataDirectory;
        this.backend = backend;
        this.server = server;
    }

    /** Starts a server with {@code features} whose market makes {@code tickRate} changes per second. */
    public static ArmeriaFeaturesUnderTest start(int tickRate, Set<ServerFeature> features) {
        requireNonNull(features, "features");
        ScratchDirectory dataDirectory = ScratchDirectory.create("tickscope-bench-features");
        Backend backend = Backend.open(dataDirectory.path(), ServerSettings.DEFAULT_SEED, tickRate, Clock.systemUTC());
        try {
            ServerBuilder sb = Server.builder().http(new InetSocketAddress(Loopback.address(), 0));
            TickscopeServices.configureServices(
                    sb, backend, ServerSecurity.development(), ServerLimits.defaults(), features);
            Server server = sb.build();
            server.start().join();
            backend.startMarket();
            return new ArmeriaFeaturesUnderTest(dataDirectory, backend, server);
        } catch (RuntimeException e) {
            backend.close();
            dataDirectory.close();
            throw e;
        }
    }

    public int port() {
        return server.activeLocalPort();
    }

    @Override
    public void close() {
        try {
            server.stop().join();
        } finally {
            backend.close();
            dataDirectory.close();
        }
    }
}
