package io.tickscope.server.security;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.common.RequestHeadersBuilder;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor.MethodType;
import io.grpc.Status;
import io.tickscope.server.TickscopeServer;
import io.tickscope.server.security.ReflectedMethods.ReflectedMethod;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DocService, metrics and reflection on a server listening on every interface, called from loopback and from the
 * machine's own non-loopback address, so that the server sees a real remote peer address.
 */
class AdminSurfacesTest {

    private static final ReflectedMethod REFLECTION =
            new ReflectedMethod("grpc.reflection.v1.ServerReflection/ServerReflectionInfo", MethodType.BIDI_STREAMING);

    @TempDir
    static Path directory;

    private @Nullable TickscopeServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void loopbackPolicyOpensAdminSurfacesToLoopbackOnly() throws Exception {
        Optional<String> remoteAddress = nonLoopbackAddress();
        assumeTrue(
                remoteAddress.isPresent(),
                "this machine has no non-loopback IPv4 address; AccessPolicyTest covers the rule");
        String remote = remoteAddress.orElseThrow();
        start(AdminAccess.LOOPBACK);

        for (String page : new String[] {"/docs/", "/internal/metrics"}) {
            assertThat(get("127.0.0.1", page, null).status().code())
                    .as(page + " from loopback")
                    .isEqualTo(200);
            AggregatedHttpResponse anonymous = get(remote, page, null);
            assertThat(anonymous.status().code()).as(page + " from " + remote).isEqualTo(401);
            assertThat(anonymous.headers().get(HttpHeaderNames.WWW_AUTHENTICATE))
                    .isEqualTo("Bearer");
            assertThat(get(remote, page, TestTokens.READER).status().code()).isEqualTo(403);
            assertThat(get(remote, page, TestTokens.ADMIN).status().code()).isEqualTo(200);
        }
        assertThat(reflect("127.0.0.1", null)).isEqualTo(Status.Code.OK);
        assertThat(reflect(remote, null)).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(reflect(remote, TestTokens.READER)).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(reflect(remote, TestTokens.ADMIN)).isEqualTo(Status.Code.OK);
    }

    @Test
    void adminPolicyWantsAnAdminTokenEvenOnLoopback() throws Exception {
        start(AdminAccess.ADMIN);

        for (String page : new String[] {"/docs/", "/internal/metrics"}) {
            assertThat(get("127.0.0.1", page, null).status().code()).as(page).isEqualTo(401);
            assertThat(get("127.0.0.1", page, TestTokens.PUBLISHER).status().code())
                    .as(page)
                    .isEqualTo(403);
            assertThat(get("127.0.0.1", page, TestTokens.ADMIN).status().code())
                    .as(page)
                    .isEqualTo(200);
        }
    }

    @Test
    void closedPolicyHidesAdminSurfacesFromEveryone() throws Exception {
        start(AdminAccess.CLOSED);

        for (String page : new String[] {"/docs/", "/internal/metrics"}) {
            assertThat(get("127.0.0.1", page, TestTokens.ADMIN).status().code())
                    .as(page)
                    .isEqualTo(404);
        }
        assertThat(reflect("127.0.0.1", TestTokens.ADMIN)).isEqualTo(Status.Code.UNIMPLEMENTED);
    }

    private void start(AdminAccess access) throws Exception {
        SecuritySettings security = SecuritySettings.none()
                .withTokensFile(TestTokens.writeTo(directory))
                .withAdminAccess(access);
        server = RunningServer.start("0.0.0.0", 0, security);
    }

    private int port() {
        return requireNonNull(server, "server").port();
    }

    private AggregatedHttpResponse get(String host, String path, @Nullable String token) {
        RequestHeadersBuilder headers = RequestHeaders.builder(HttpMethod.GET, path);
        if (token != null) {
            headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token);
        }
        return WebClient.of("http://" + host + ':' + port())
                .execute(headers.build())
                .aggregate()
                .join();
    }

    private Status.Code reflect(String host, @Nullable String token) throws Exception {
        ManagedChannel channel = Grpc.newChannelBuilderForAddress(host, port(), InsecureChannelCredentials.create())
                .build();
        try {
            return GenericCalls.firstAnswer(channel, REFLECTION, token);
        } finally {
            channel.shutdownNow();
        }
    }

    /** The machine's first IPv4 address that is up and not loopback, the kind {@code hostname -I} prints. */
    private static Optional<String> nonLoopbackAddress() throws SocketException {
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!network.isUp() || network.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(network.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
                    return Optional.of(address.getHostAddress());
                }
            }
        }
        return Optional.empty();
    }
}
