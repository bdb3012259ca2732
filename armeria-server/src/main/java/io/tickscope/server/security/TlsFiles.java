package io.tickscope.server.security;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The PEM files a TLS server reads. They are read again while the server runs, so a renewed certificate takes
 * effect without a restart.
 *
 * @param certificateChain the server's certificate first, then any intermediates
 * @param privateKey the server's private key, unencrypted PKCS#8 ({@code BEGIN PRIVATE KEY})
 * @param clientCa the certificate authorities that sign client certificates; when set, every client must present
 *     a certificate signed by one of them (mutual TLS); null for server-only TLS
 */
public record TlsFiles(Path certificateChain, Path privateKey, @Nullable Path clientCa) {

    public TlsFiles {
        requireNonNull(certificateChain, "certificateChain");
        requireNonNull(privateKey, "privateKey");
    }

    /** Server-only TLS: clients verify the server, the server asks clients for nothing. */
    public static TlsFiles of(Path certificateChain, Path privateKey) {
        return new TlsFiles(certificateChain, privateKey, null);
    }

    /** Mutual TLS: clients must present a certificate signed by one of the authorities in {@code clientCa}. */
    public TlsFiles withClientCa(Path clientCa) {
        return new TlsFiles(certificateChain, privateKey, requireNonNull(clientCa, "clientCa"));
    }

    public boolean requiresClientCertificates() {
        return clientCa != null;
    }

    /** The files to read, in this order: the certificate chain, the key, and the client CA when there is one. */
    List<Path> paths() {
        return clientCa == null
                ? List.of(certificateChain, privateKey)
                : List.of(certificateChain, privateKey, clientCa);
    }
}
