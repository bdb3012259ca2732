package io.tickscope.server.security;

import com.linecorp.armeria.common.TlsKeyPair;
import com.linecorp.armeria.common.TlsProvider;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the key pair and client authorities from {@link TlsFiles} and re-reads the files on an interval. When
 * they changed and read back consistent, new handshakes get the new certificate; connections already open keep
 * the one they were made with. A reading that fails (a file half-written, a key that does not match) keeps the
 * previous material and is logged once, until the files change again.
 */
final class ReloadingTlsProvider implements TlsProvider {

    private static final Logger logger = LoggerFactory.getLogger(ReloadingTlsProvider.class);

    private final TlsFiles files;
    private final ScheduledFuture<?> check;
    private volatile TlsMaterial current;
    private @Nullable String lastFailure;

    /** Reads the files now, so that a server with bad files fails at start instead of at the first handshake. */
    ReloadingTlsProvider(TlsFiles files, Duration interval, ScheduledExecutorService executor) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("TLS reload interval: " + interval + " (expected: > 0)");
        }
        this.files = files;
        current = TlsMaterial.read(files);
        logger.info("TLS certificate loaded: {}", describe(current.certificate()));
        long millis = interval.toMillis();
        check = executor.scheduleWithFixedDelay(this::reloadIfChanged, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public TlsKeyPair keyPair(String hostname) {
        return current.keyPair();
    }

    /** Without mutual TLS, null: the server then asks clients for no certificate and trusts no one specially. */
    @Override
    public @Nullable List<X509Certificate> trustedCertificates(String hostname) {
        List<X509Certificate> clientCas = current.clientCas();
        return clientCas.isEmpty() ? null : clientCas;
    }

    @Override
    public void close() {
        check.cancel(false);
    }

    // Runs on one scheduled task at a time (fixed delay), so lastFailure needs no lock.
    private void reloadIfChanged() {
        try {
            if (!current.isOlderThan(files)) {
                return;
            }
            TlsMaterial fresh = TlsMaterial.read(files);
            current = fresh;
            lastFailure = null;
            logger.info("TLS certificate reloaded: {}", describe(fresh.certificate()));
        } catch (RuntimeException e) {
            String failure = e.getMessage();
            if (failure != null && !failure.equals(lastFailure)) {
                logger.warn("TLS files changed but cannot be used yet; serving the previous certificate: {}", failure);
            }
            lastFailure = failure;
        }
    }

    private static String describe(X509Certificate certificate) {
        return certificate.getSubjectX500Principal() + " serial "
                + certificate.getSerialNumber().toString(16) + " valid until "
                + certificate.getNotAfter().toInstant();
    }
}
