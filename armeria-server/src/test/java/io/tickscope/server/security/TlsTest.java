package io.tickscope.server.security;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real TLS handshakes against a real server: server-only TLS, mutual TLS, and a certificate renewed live. */
class TlsTest {

    /** Shared by the class: the catalogue is seeded once, later servers open it as it is. */
    @TempDir
    static Path dataDirectory;

    @TempDir
    Path directory;

    private final CertificateAuthority authority = CertificateAuthority.create("Tickscope Test CA");
    private final CertificateAuthority stranger = CertificateAuthority.create("Some Other CA");
    private Path authorityPem = Path.of("unset");
    private TlsFiles serverFiles = TlsFiles.of(Path.of("unset"), Path.of("unset"));
    private @Nullable TickscopeServer server;

    @BeforeEach
    void writeServerCertificate() throws IOException {
        authorityPem = authority.writeCertificate(directory.resolve("ca.crt"));
        serverFiles = authority.issueServer().writeTo(directory, "server");
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void tlsServesUnaryAndStreamingCalls() throws IOException {
        server = start(SecuritySettings.none().withTls(serverFiles), 5_000);
        ManagedChannel channel = channel(trustingTheAuthority());
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
        server = start(SecuritySettings.none().withTls(serverFiles), 0);
        ManagedChannel channel = channel(InsecureChannelCredentials.create());
        try {
            assertThatThrownBy(() -> getPrice(channel))
                    .isInstanceOfSatisfying(
                            StatusRuntimeException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
        } finally {
            channel.shutdownNow();
        }
    }

    @Test
    void mutualTlsAcceptsAClientCertificateOfTheTrustedAuthority() throws IOException {
        server = start(SecuritySettings.none().withTls(serverFiles.withClientCa(authorityPem)), 0);
        TlsFiles client = authority.issueClient("desk-1").writeTo(directory, "client");
        ManagedChannel channel = channel(clientCredentials(client));
        try {
            assertThat(getPrice(channel)).isEqualTo("P00001");
        } finally {
            channel.shutdownNow();
        }
    }

    @Test
    void mutualTlsRefusesAClientWithoutCertificate() throws IOException {
        server = start(SecuritySettings.none().withTls(serverFiles.withClientCa(authorityPem)), 0);
        ManagedChannel channel = channel(trustingTheAuthority());
        try {
            assertThatThrownBy(() -> getPrice(channel))
                    .isInstanceOfSatisfying(
                            StatusRuntimeException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
        } finally {
            channel.shutdownNow();
        }
    }

    @Test
    void mutualTlsRefusesAClientCertificateOfAnotherAuthority() throws IOException {
        server = start(SecuritySettings.none().withTls(serverFiles.withClientCa(authorityPem)), 0);
        TlsFiles client = stranger.issueClient("intruder").writeTo(directory, "intruder");
        ManagedChannel channel = channel(clientCredentials(client));
        try {
            assertThatThrownBy(() -> getPrice(channel))
                    .isInstanceOfSatisfying(
                            StatusRuntimeException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
        } finally {
            channel.shutdownNow();
        }
    }

    @Test
    void renewedCertificateReachesNewConnectionsWhileAnOpenStreamKeepsFlowing() throws Exception {
        server = start(SecuritySettings.none().withTls(serverFiles), 5_000);
        BigInteger firstSerial = serialSeenByANewConnection();
        ManagedChannel channel = channel(trustingTheAuthority());
        try {
            RecordingObserver<WatchPricesResponse> watch = watch(channel);
            await().atMost(Duration.ofSeconds(10)).until(() -> watch.values().size() >= 5);

            IssuedCertificate renewed = authority.issueServer();
            renewed.writeTo(serverFiles);

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> serialSeenByANewConnection().equals(renewed.serialNumber()));
            int seenAtRenewal = watch.values().size();
            await().atMost(Duration.ofSeconds(10)).until(() -> watch.values().size() >= seenAtRenewal + 20);
            assertThat(watch.error()).isNotDone();
            assertThat(firstSerial).isNotEqualTo(renewed.serialNumber());
            watch.cancel();
        } finally {
            channel.shutdownNow();
        }
    }

    @Test
    void aKeyThatDoesNotMatchItsCertificateIsRefused() {
        IssuedCertificate first = authority.issueServer();
        IssuedCertificate second = authority.issueServer();
        first.writeTo(serverFiles);
        // Half a renewal: the new certificate is in place, its key not yet.
        TlsFiles halfWritten = second.writeTo(directory, "renewed");
        TlsFiles mismatched = TlsFiles.of(halfWritten.certificateChain(), serverFiles.privateKey());

        assertThatThrownBy(() -> TlsMaterial.read(mismatched))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected: the key of the certificate CN=localhost");
    }

    private TickscopeServer start(SecuritySettings security, int tickRate) {
        return RunningServer.start("127.0.0.1", dataDirectory, tickRate, security);
    }

    private ManagedChannel channel(ChannelCredentials credentials) {
        return Grpc.newChannelBuilderForAddress("127.0.0.1", port(), credentials)
                .build();
    }

    private int port() {
        return requireNonNull(server, "server").port();
    }

    private ChannelCredentials trustingTheAuthority() throws IOException {
        return TlsChannelCredentials.newBuilder()
                .trustManager(authorityPem.toFile())
                .build();
    }

    private ChannelCredentials clientCredentials(TlsFiles client) throws IOException {
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

    /** Opens a fresh TLS connection with the JDK's own client and returns the serial of the server's certificate. */
    private BigInteger serialSeenByANewConnection() throws IOException, GeneralSecurityException {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("ca", authority.certificate());
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers.getTrustManagers(), null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port())) {
            socket.startHandshake();
            return ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSerialNumber();
        }
    }
}
