package io.tickscope.server.security;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.linecorp.armeria.common.CommonPools;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.tickscope.api.pricing.v1.GetPriceRequest;
import io.tickscope.api.pricing.v1.PricingServiceGrpc;
import io.tickscope.api.pricing.v1.WatchPricesRequest;
import io.tickscope.api.pricing.v1.WatchPricesResponse;
import io.tickscope.server.TickscopeServer;
import io.tickscope.server.security.testing.CertificateAuthority;
import io.tickscope.server.security.testing.IssuedCertificate;
import io.tickscope.server.testing.RecordingObserver;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real TLS handshakes against real servers: server-only TLS, mutual TLS, and a certificate renewed while the
 * server runs. Clients are grpc-java's own, as foreign clients would be.
 */
class TlsTest {

    private static final CertificateAuthority AUTHORITY = CertificateAuthority.create("Tickscope Test CA");
    private static final CertificateAuthority STRANGER = CertificateAuthority.create("Some Other CA");

    @TempDir
    static Path directory;

    private static Path authorityPem = Path.of("unset");
    /** Server-only TLS, its market moving so that streams have something to carry. */
    private static @Nullable TickscopeServer tlsServer;
    /** Mutual TLS: client certificates signed by {@link #AUTHORITY} only. */
    private static @Nullable TickscopeServer mutualServer;

    @BeforeAll
    static void startServers() {
        authorityPem = AUTHORITY.writeCertificate(directory.resolve("ca.crt"));
        TlsFiles serverFiles = AUTHORITY.issueServer().writeTo(directory, "server");
        tlsServer =
                RunningServer.start("127.0.0.1", 5_000, SecuritySettings.none().withTls(serverFiles));
        mutualServer = RunningServer.start(
                "127.0.0.1", 0, SecuritySettings.none().withTls(serverFiles.withClientCa(authorityPem)));
    }

    @AfterAll
    static void stopServers() {
        for (TickscopeServer server : new TickscopeServer[] {tlsServer, mutualServer}) {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    void tlsServesUnaryAndStreamingCalls() throws IOException {
        ManagedChannel channel = channel(tlsServer, trustingTheAuthority());
        try {
            assertThat(getPrice(channel)).isEqualTo("P00001");
            RecordingObserver<WatchPricesResponse> watch = watch(channel);
            await().atMost(Duration.ofSeconds(10)).until(() -> watch.values().size() >= 20);
            watch.cancel();
        } finally {
            channel.shutdownNow();
        }
    }

    @Test
    void plaintextClientIsRefusedByATlsPort() {
        assertRefused(channel(tlsServer, InsecureChannelCredentials.create()));
    }

    @Test
    void mutualTlsAcceptsAClientCertificateOfTheTrustedAuthority() throws IOException {
        TlsFiles client = AUTHORITY.issueClient("desk-1").writeTo(directory, "desk-1");
        ManagedChannel channel = channel(mutualServer, clientCredentials(client));
        try {
            assertThat(getPrice(channel)).isEqualTo("P00001");
        } finally {
            channel.shutdownNow();
        }
    }

    @Test
    void mutualTlsRefusesAClientWithoutCertificate() throws IOException {
        assertRefused(channel(mutualServer, trustingTheAuthority()));
    }

    @Test
    void mutualTlsRefusesAClientCertificateOfAnotherAuthority() throws IOException {
        TlsFiles intruder = STRANGER.issueClient("intruder").writeTo(directory, "intruder");
        assertRefused(channel(mutualServer, clientCredentials(intruder)));
    }

    @Test
    void renewedCertificateReachesNewConnectionsWhileAnOpenStreamKeepsFlowing(@TempDir Path renewals) throws Exception {
        TlsFiles files = AUTHORITY.issueServer().writeTo(renewals, "server");
        TickscopeServer server =
                RunningServer.start("127.0.0.1", 5_000, SecuritySettings.none().withTls(files));
        ManagedChannel channel = channel(server, trustingTheAuthority());
        try {
            BigInteger firstSerial = serialSeenByANewConnection(server);
            RecordingObserver<WatchPricesResponse> watch = watch(channel);
            await().atMost(Duration.ofSeconds(10)).until(() -> watch.values().size() >= 5);

            IssuedCertificate renewed = AUTHORITY.issueServer();
            renewed.writeTo(files);

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> serialSeenByANewConnection(server).equals(renewed.serialNumber()));
            int seenAtRenewal = watch.values().size();
            await().atMost(Duration.ofSeconds(10)).until(() -> watch.values().size() >= seenAtRenewal + 20);
            assertThat(watch.error()).isNotDone();
            assertThat(firstSerial).isNotEqualTo(renewed.serialNumber());
            watch.cancel();
        } finally {
            channel.shutdownNow();
            server.close();
        }
    }

    @Test
    void aKeyThatDoesNotMatchItsCertificateIsRefused(@TempDir Path renewals) {
        TlsFiles current = AUTHORITY.issueServer().writeTo(renewals, "server");
        // Half a renewal: the new certificate is in place, its key not yet.
        TlsFiles renewed = AUTHORITY.issueServer().writeTo(renewals, "renewed");
        TlsFiles halfWritten = TlsFiles.of(renewed.certificateChain(), current.privateKey());

        assertThatThrownBy(() -> new ReloadingTlsProvider(
                        halfWritten, ServerTls.DEFAULT_RELOAD_INTERVAL, CommonPools.blockingTaskExecutor()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected: the key of the certificate CN=localhost");
    }

    private static void assertRefused(ManagedChannel channel) {
        try {
            assertThatThrownBy(() -> getPrice(channel))
                    .isInstanceOfSatisfying(
                            StatusRuntimeException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
        } finally {
            channel.shutdownNow();
        }
    }

    private static ManagedChannel channel(@Nullable TickscopeServer server, ChannelCredentials credentials) {
        return Grpc.newChannelBuilderForAddress(
                        "127.0.0.1", requireNonNull(server, "server").port(), credentials)
                .build();
    }

    private static ChannelCredentials trustingTheAuthority() throws IOException {
        return TlsChannelCredentials.newBuilder()
                .trustManager(authorityPem.toFile())
                .build();
    }

    private static ChannelCredentials clientCredentials(TlsFiles client) throws IOException {
        return TlsChannelCredentials.newBuilder()
                .trustManager(authorityPem.toFile())
                .keyManager(
                        client.certificateChain().toFile(), client.privateKey().toFile())
                .build();
    }

    private static String getPrice(ManagedChannel channel) {
        return PricingServiceGrpc.newBlockingStub(channel)
                .withDeadlineAfter(10, TimeUnit.SECONDS)
                .getPrice(GetPriceRequest.newBuilder().setProductId("P00001").build())
                .getQuote()
                .getProductId();
    }

    private static RecordingObserver<WatchPricesResponse> watch(ManagedChannel channel) {
        RecordingObserver<WatchPricesResponse> watch = new RecordingObserver<>();
        WatchPricesRequest.Builder request = WatchPricesRequest.newBuilder();
        IntStream.rangeClosed(1, 100).forEach(i -> request.addProductIds(String.format("P%05d", i)));
        PricingServiceGrpc.newStub(channel).watchPrices(request.build(), watch);
        return watch;
    }

    /** Opens a fresh connection with the JDK's own TLS client and returns the serial of the server's certificate. */
    private static BigInteger serialSeenByANewConnection(TickscopeServer server)
            throws IOException, GeneralSecurityException {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("ca", AUTHORITY.certificate());
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers.getTrustManagers(), null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", server.port())) {
            socket.startHandshake();
            return ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSerialNumber();
        }
    }
}
