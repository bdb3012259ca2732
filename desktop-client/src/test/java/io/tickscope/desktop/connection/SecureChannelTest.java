package io.tickscope.desktop.connection;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.tickscope.api.pricing.v1.GetPriceRequest;
import io.tickscope.api.pricing.v1.PricingServiceGrpc;
import io.tickscope.server.ServerSettings;
import io.tickscope.server.TickscopeServer;
import io.tickscope.server.limits.ServerLimits;
import io.tickscope.server.security.SecuritySettings;
import io.tickscope.server.security.TlsFiles;
import io.tickscope.server.security.TokenFile;
import io.tickscope.server.security.testing.CertificateAuthority;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The monitor's channel against a real server that wants mutual TLS and a reader token. */
class SecureChannelTest {

    private static final String TOKEN = "desk-reader-7c1e";

    @TempDir
    static Path directory;

    private static @Nullable TickscopeServer server;
    private static Path authority = Path.of("unset");
    private static TlsFiles client = TlsFiles.of(Path.of("unset"), Path.of("unset"));
    private static Path tokenFile = Path.of("unset");

    @BeforeAll
    static void startServer() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create("Tickscope Desk CA");
        authority = ca.writeCertificate(directory.resolve("ca.crt"));
        TlsFiles serverFiles = ca.issueServer().writeTo(directory, "server").withClientCa(authority);
        client = ca.issueClient("desk").writeTo(directory, "desk");
        tokenFile = Files.writeString(directory.resolve("token"), TOKEN + "\n");
        Path tokens = Files.writeString(directory.resolve("tokens"), "desk " + TokenFile.hash(TOKEN) + " reader\n");
        server = TickscopeServer.start(new ServerSettings(
                "127.0.0.1",
                0,
                directory.resolve("data"),
                0,
                42,
                Duration.ofSeconds(2),
                SecuritySettings.none().withTls(serverFiles).withTokensFile(tokens),
                ServerLimits.defaults()));
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void tlsWithClientCertificateAndTokenReachesTheServer() throws Exception {
        ManagedChannel channel = Channels.open(
                address(),
                new ChannelSecurity(true, authority, client.certificateChain(), client.privateKey(), tokenFile));
        try {
            assertThat(getPrice(channel)).isEqualTo("P00001");
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void withoutTheTokenTheServerSaysUnauthenticated() throws Exception {
        ManagedChannel channel = Channels.open(
                address(), new ChannelSecurity(true, authority, client.certificateChain(), client.privateKey(), null));
        try {
            assertThatThrownBy(() -> getPrice(channel))
                    .isInstanceOfSatisfying(
                            StatusRuntimeException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aTokenIsNeverConfiguredForPlaintext() {
        assertThatThrownBy(() -> new ChannelSecurity(false, null, null, null, tokenFile))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without TLS (expected: --tls");
    }

    private static ServerAddress address() {
        return new ServerAddress("127.0.0.1", requireNonNull(server, "server").port());
    }

    private static String getPrice(ManagedChannel channel) {
        return PricingServiceGrpc.newBlockingStub(channel)
                .withDeadlineAfter(10, TimeUnit.SECONDS)
                .getPrice(GetPriceRequest.newBuilder().setProductId("P00001").build())
                .getQuote()
                .getProductId();
    }
}
