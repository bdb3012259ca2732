package io.tickscope.server.security;

import static java.util.Objects.requireNonNull;

import com.linecorp.armeria.common.CommonPools;
import com.linecorp.armeria.server.DecoratingHttpServiceFunction;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.ServerListener;
import io.grpc.ServerInterceptor;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The server's security, made from {@link SecuritySettings}: how its port listens (plaintext or TLS), the gRPC
 * interceptor that checks tokens and roles, and the decorator of the admin pages. The server wires all three.
 */
public final class ServerSecurity {

    private final SecuritySettings settings;
    private final @Nullable ReloadingTokenFile tokens;
    private final AccessPolicy policy;

    private ServerSecurity(SecuritySettings settings, @Nullable ReloadingTokenFile tokens) {
        this.settings = settings;
        this.tokens = tokens;
        policy = new AccessPolicy(tokens == null ? null : tokens::current, settings.adminAccess());
    }

    /**
     * Reads the tokens file now, so that a malformed one stops the start with its line number. The server
     * re-reads it while it runs (see {@link #listen}); whether it needs tokens at all is decided here, once.
     */
    public static ServerSecurity of(SecuritySettings settings) {
        requireNonNull(settings, "settings");
        Path tokensFile = settings.tokensFile();
        return new ServerSecurity(settings, tokensFile == null ? null : ReloadingTokenFile.read(tokensFile));
    }

    /** Development: plaintext, no tokens, admin surfaces open on loopback only. */
    public static ServerSecurity development() {
        return of(SecuritySettings.none());
    }

    /**
     * Makes {@code sb} listen on {@code address}: plaintext, or TLS only when the settings name TLS files. The TLS
     * files and the tokens file are re-read every {@link ServerTls#DEFAULT_RELOAD_INTERVAL} while the server runs,
     * so that a renewed certificate or a revoked token needs no restart.
     */
    public ServerBuilder listen(ServerBuilder sb, InetSocketAddress address) {
        ReloadingTokenFile reloadingTokens = tokens;
        if (reloadingTokens != null) {
            // Started and stopped with the server: one that fails to start or has stopped leaves no task behind.
            sb.serverListener(ServerListener.builder()
                    .whenStarted(server -> reloadingTokens.watch(
                            ServerTls.DEFAULT_RELOAD_INTERVAL, CommonPools.blockingTaskExecutor()))
                    .whenStopped(server -> reloadingTokens.stopWatching())
                    .build());
        }
        TlsFiles tls = settings.tls();
        return tls == null ? sb.http(address) : ServerTls.listen(sb, address, tls);
    }

    /** Checks every gRPC call's token and role; add it to the GrpcService that hosts the services. */
    public ServerInterceptor grpcInterceptor() {
        return new AccessInterceptor(policy);
    }

    /** Guards an admin page (DocService, metrics) by {@link AdminAccess}. */
    public DecoratingHttpServiceFunction adminSurfaceDecorator() {
        return new AdminSurfaceDecorator(policy);
    }

    public boolean usesTls() {
        return settings.tls() != null;
    }

    /**
     * Returns what an operator should know before serving on {@code host}: a server reachable from other
     * machines without tokens lets anyone read and publish prices, and tokens without TLS travel in clear.
     */
    public List<String> warnings(String host) {
        if (isLoopback(host)) {
            return List.of();
        }
        List<String> warnings = new ArrayList<>();
        if (tokens == null) {
            warnings.add("listening on " + host + " without --tokens-file: anyone who reaches this port can read"
                    + " prices and recommendations and publish prices (expected for development only)");
        }
        if (settings.tls() == null) {
            warnings.add("listening on " + host + " without TLS: calls"
                    + (tokens == null ? "" : " and their bearer tokens")
                    + " travel in clear text (use --tls-cert and --tls-key in production)");
        }
        return warnings;
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
