package io.tickscope.server.limits;

import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.ServerListener;
import com.linecorp.armeria.testing.junit5.server.ServerExtension;
import io.grpc.ServerServiceDefinition;
import io.tickscope.server.backend.Backend;
import io.tickscope.server.grpc.TickscopeServices;
import io.tickscope.server.security.ServerSecurity;
import io.tickscope.server.security.ServerTls;
import io.tickscope.server.security.TlsFiles;
import io.tickscope.server.testing.Directories;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A real Tickscope server on an ephemeral loopback port under the given limits, wired by the production
 * {@link TickscopeServices#configureServices}, with the market still (prices do not move). In cleartext, or
 * with TLS set up as {@code --tls-cert} sets it up.
 */
final class LimitedTestServer extends ServerExtension {

    private final ServerLimits limits;
    private final @Nullable TlsFiles tls;
    private final List<ServerServiceDefinition> extraServices;

    LimitedTestServer(ServerLimits limits, ServerServiceDefinition... extraServices) {
        this(limits, null, extraServices);
    }

    private LimitedTestServer(ServerLimits limits, @Nullable TlsFiles tls, ServerServiceDefinition... extraServices) {
        this.limits = limits;
        this.tls = tls;
        this.extraServices = List.of(extraServices);
    }

    /** A server that speaks TLS only, with the certificate and key in {@code tls}. */
    static LimitedTestServer withTls(ServerLimits limits, TlsFiles tls) {
        return new LimitedTestServer(limits, tls);
    }

    @Override
    protected void configure(ServerBuilder sb) throws IOException {
        if (tls != null) {
            ServerTls.listen(sb, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), tls);
        }
        Path directory = Files.createTempDirectory("tickscope-limits");
        Backend backend = Backend.open(directory, 42, 0, Clock.systemUTC());
        TickscopeServices.configureServices(sb, backend, ServerSecurity.development(), limits, extraServices);
        sb.serverListener(ServerListener.builder()
                .whenStopped(server -> {
                    backend.close();
                    Directories.deleteRecursively(directory);
                })
                .build());
    }
}
