package io.tickscope.server;

import static java.util.Objects.requireNonNull;

import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.healthcheck.SettableHealthChecker;
import io.tickscope.server.backend.Backend;
import io.tickscope.server.grpc.TickscopeServices;
import io.tickscope.server.security.ServerSecurity;
import io.tickscope.server.store.Database;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Tickscope server: the backend (database, market, catalogue) and the Armeria server in front
 * of it. The headless launcher and the desktop client's embedded mode both start it through
 * {@link #start(ServerSettings)}.
 */
public final class TickscopeServer implements AutoCloseable {

    /** Quiet period of a graceful stop: unary calls in flight get this long to finish before the port closes. */
    private static final Duration SHUTDOWN_QUIET_PERIOD = Duration.ofMillis(500);

    private static final Logger logger = LoggerFactory.getLogger(TickscopeServer.class);

    private final Backend backend;
    private final Server server;
    private final SettableHealthChecker serving;

    private TickscopeServer(Backend backend, Server server, SettableHealthChecker serving) {
        this.backend = backend;
        this.server = server;
        this.serving = serving;
    }

    /** Opens the backend, starts the server and returns once it serves. */
    public static TickscopeServer start(ServerSettings settings) {
        requireNonNull(settings, "settings");
        ServerSecurity security = ServerSecurity.of(settings.security());
        security.warnings(settings.host()).forEach(warning -> logger.warn("{}", warning));
        Backend backend = Backend.open(
                openDatabase(settings),
                settings.seed(),
                settings.tickRate(),
                Clock.systemUTC(),
                settings.cluster(),
                settings.historyRetention());
        try {
            ServerBuilder sb = security.listen(
                            Server.builder(), new InetSocketAddress(settings.host(), settings.port()))
                    .gracefulShutdownTimeout(SHUTDOWN_QUIET_PERIOD, settings.shutdownTimeout());
            SettableHealthChecker serving = new SettableHealthChecker(true);
            TickscopeServices.configureServices(sb, backend, security, settings.limits(), List.of(), List.of(serving));
            Server server = sb.build();
            server.start().join();
            backend.startMarket();
            return new TickscopeServer(backend, server, serving);
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
    }

    /** Opens the shared PostgreSQL database when the settings name one, else the embedded file. */
    private static Database openDatabase(ServerSettings settings) {
        String databaseUrl = settings.databaseUrl();
        return databaseUrl == null
                ? Database.open(settings.dataDirectory(), settings.seed())
                : Database.openPostgres(databaseUrl, settings.seed(), Clock.systemUTC());
    }

    /** Returns the port the server listens on, useful when the settings asked for a free one. */
    public int port() {
        return server.activeLocalPort();
    }

    /**
     * Says SERVING ({@code true}) or NOT_SERVING in the gRPC health service from now on, while every call keeps
     * being served: clients that balance over replicas with health checks send this one no new call. A drain.
     */
    public void setServing(boolean isServing) {
        serving.setHealthy(isServing);
    }

    /**
     * Drains, then stops as {@link #close()} does: says NOT_SERVING in gRPC health at once and keeps serving for
     * {@code drainPeriod}, so that clients balancing over replicas with health checks send their new calls (and
     * the watches they open again) to the other replicas before this one's streams end. {@link Duration#ZERO}
     * stops at once, as a server alone does: nobody else would take its calls.
     */
    public void drainAndClose(Duration drainPeriod) {
        requireNonNull(drainPeriod, "drainPeriod");
        if (drainPeriod.isNegative()) {
            throw new IllegalArgumentException("drainPeriod: " + drainPeriod + " (expected: >= 0)");
        }
        if (!drainPeriod.isZero()) {
            setServing(false);
            logger.info(
                    "Draining for {} before stopping: health says NOT_SERVING, calls are still served", drainPeriod);
            try {
                Thread.sleep(drainPeriod.toMillis());
            } catch (InterruptedException e) {
                // Asked to hurry: stop now.
                Thread.currentThread().interrupt();
            }
        }
        close();
    }

    /**
     * Stops gracefully: streams end with UNAVAILABLE at once, unary calls in flight finish, then the market
     * stops and the database closes.
     */
    @Override
    public void close() {
        server.stop().join();
        backend.close();
    }
}
