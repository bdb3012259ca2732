package io.tickscope.server.security;

import static java.util.Objects.requireNonNull;

import com.linecorp.armeria.common.CommonPools;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.ServerTlsConfig;
import io.netty.handler.ssl.ClientAuth;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * Makes an Armeria server listen with TLS from {@link TlsFiles}. The port speaks TLS only (HTTP/2 negotiated by
 * ALPN, HTTP/1.1 as fallback); a plaintext client is refused at the handshake. Tests and other hosts of the same
 * configuration (such as the gRPC interop service) call {@link #listen} directly.
 */
public final class ServerTls {

    /** How often the TLS files and the tokens file are checked for changes: a change is live within this long. */
    public static final Duration DEFAULT_RELOAD_INTERVAL = Duration.ofSeconds(2);

    private ServerTls() {}

    /** Listens on {@code address} with TLS from {@code files}, checking them for changes every two seconds. */
    public static ServerBuilder listen(ServerBuilder sb, InetSocketAddress address, TlsFiles files) {
        return listen(sb, address, files, DEFAULT_RELOAD_INTERVAL);
    }

    /**
     * Listens on {@code address} with TLS from {@code files}, checking them for changes every {@code
     * reloadInterval}. With a client CA, clients without a certificate signed by it fail the handshake.
     *
     * @throws IllegalArgumentException if the files cannot be read or the key does not match the certificate
     */
    public static ServerBuilder listen(
            ServerBuilder sb, InetSocketAddress address, TlsFiles files, Duration reloadInterval) {
        requireNonNull(sb, "sb");
        requireNonNull(address, "address");
        requireNonNull(files, "files");
        requireNonNull(reloadInterval, "reloadInterval");
        ReloadingTlsProvider provider =
                new ReloadingTlsProvider(files, reloadInterval, CommonPools.blockingTaskExecutor());
        ServerTlsConfig config = ServerTlsConfig.builder()
                .clientAuth(files.requiresClientCertificates() ? ClientAuth.REQUIRE : ClientAuth.NONE)
                .build();
        // The server closes the provider (and so its reload task) when it stops.
        return sb.https(address).tlsProvider(provider, config);
    }
}
