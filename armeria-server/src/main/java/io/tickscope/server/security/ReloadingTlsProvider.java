package io.tickscope.server.security;

import com.linecorp.armeria.common.TlsKeyPair;
import com.linecorp.armeria.common.TlsProvider;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the key pair and client authorities from {@link TlsFiles} and re-reads the files on an interval (see
 * {@link WatchedFiles}). When they changed and read back consistent, new handshakes get the new certificate;
 * connections already open keep the one they were made with. A reading that fails (a file half-written, a key
 * that does not match) keeps the previous material and is logged once, until the files change again.
 */
final class ReloadingTlsProvider implements TlsProvider {

    private static final Logger logger = LoggerFactory.getLogger(ReloadingTlsProvider.class);

    private final WatchedFiles<TlsMaterial> files;

    /** Reads the files now, so that a server with bad files fails at start instead of at the first handshake. */
    ReloadingTlsProvider(TlsFiles tlsFiles, Duration interval, ScheduledExecutorService executor) {
        files = new WatchedFiles<>(
                tlsFiles.paths(),
                contents -> TlsMaterial.parse(tlsFiles, contents),
                fresh -> logger.info("TLS certificate reloaded: {}", describe(fresh.certificate())),
                reason -> logger.warn(
                        "TLS files changed but cannot be used yet; serving the previous certificate: {}", reason));
        logger.info("TLS certificate loaded: {}", describe(files.current().certificate()));
        files.watch(interval, executor);
    }

    @Override
    public TlsKeyPair keyPair(String hostname) {
        return files.current().keyPair();
    }

    /** Without mutual TLS, null: the server then asks clients for no certificate and trusts no one specially. */
    @Override
    public @Nullable List<X509Certificate> trustedCertificates(String hostname) {
        List<X509Certificate> clientCas = files.current().clientCas();
        return clientCas.isEmpty() ? null : clientCas;
    }

    @Override
    public void close() {
        files.stopWatching();
    }

    private static String describe(X509Certificate certificate) {
        return certificate.getSubjectX500Principal() + " serial "
                + certificate.getSerialNumber().toString(16) + " valid until "
                + certificate.getNotAfter().toInstant();
    }
}
