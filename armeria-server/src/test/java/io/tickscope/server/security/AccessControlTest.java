package io.tickscope.server.security;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.client.grpc.GrpcClientBuilder;
import com.linecorp.armeria.client.grpc.GrpcClients;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.common.RequestHeadersBuilder;
import com.linecorp.armeria.common.SerializationFormat;
import com.linecorp.armeria.common.grpc.GrpcSerializationFormats;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.tickscope.api.pricing.v1.GetPriceRequest;
import io.tickscope.api.pricing.v1.PricingServiceGrpc.PricingServiceBlockingStub;
import io.tickscope.server.TickscopeServer;
import io.tickscope.server.security.ReflectedMethods.ReflectedMethod;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every method the server reflects, called with no token, a bad token, a token of the wrong role and one of the
 * right role; and the same rules seen by JSON/REST and gRPC-Web clients.
 */
class AccessControlTest {

    @TempDir
    static Path directory;

    private static @Nullable TickscopeServer server;
    private static @Nullable ManagedChannel channel;

    @BeforeAll
    static void startServer() throws Exception {
        SecuritySettings security = SecuritySettings.none()
                .withTokensFile(TestTokens.writeTo(directory))
                // Admin-only even on loopback, so that reflection shows the admin rule in this walk.
                .withAdminAccess(AdminAccess.ADMIN);
        server = RunningServer.start("127.0.0.1", 0, security);
        channel = Grpc.newChannelBuilderForAddress("127.0.0.1", server.port(), InsecureChannelCredentials.create())
                .build();
    }

    @AfterAll
    static void stopServer() {
        if (channel != null) {
            channel.shutdownNow();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyReflectedMethodChecksTokenAndRole() throws Exception {
        List<ReflectedMethod> methods = ReflectedMethods.of(BearerTokens.attach(channel(), TestTokens.ADMIN));
        assertThat(methods.stream().map(ReflectedMethod::serviceName).distinct())
                .containsExactlyInAnyOrder(
                        "grpc.health.v1.Health",
                        "grpc.reflection.v1.ServerReflection",
                        "tickscope.pricing.v1.PricingService",
                        "tickscope.recommendation.v1.RecommendationService",
                        "tickscope.user.v1.UserService");

        for (ReflectedMethod method : methods) {
            Role needed = roleNeededBy(method);
            if (needed == null) {
                assertThat(call(method, null)).as(method + " without token").isEqualTo(Status.Code.OK);
                continue;
            }
            assertThat(call(method, null)).as(method + " without token").isEqualTo(Status.Code.UNAUTHENTICATED);
            assertThat(call(method, TestTokens.UNKNOWN))
                    .as(method + " with an unknown token")
                    .isEqualTo(Status.Code.UNAUTHENTICATED);
            assertThat(call(method, tokenOf(wrongRoleFor(needed))))
                    .as(method + " with a " + wrongRoleFor(needed).label() + " token")
                    .isEqualTo(Status.Code.PERMISSION_DENIED);
            assertThat(call(method, tokenOf(needed)))
                    .as(method + " with a " + needed.label() + " token")
                    .isNotIn(Status.Code.UNAUTHENTICATED, Status.Code.PERMISSION_DENIED);
            assertThat(call(method, TestTokens.ADMIN))
                    .as(method + " with an admin token")
                    .isNotIn(Status.Code.UNAUTHENTICATED, Status.Code.PERMISSION_DENIED);
        }
    }

    @Test
    void refusalsExplainWhatWasExpected() {
        PricingServiceBlockingStub publisher = grpcStub(TestTokens.PUBLISHER, GrpcSerializationFormats.PROTO);

        assertThatThrownBy(() -> publisher.getPrice(priceRequest()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> assertThat(
                                e.getStatus().getDescription())
                        .isEqualTo("token feeder has roles [publisher] (expected: reader for"
                                + " tickscope.pricing.v1.PricingService/GetPrice)"));
    }

    @Test
    void grpcWebClientsSeeTheSameStatuses() {
        PricingServiceBlockingStub noToken = grpcStub(null, GrpcSerializationFormats.PROTO_WEB);
        PricingServiceBlockingStub publisher = grpcStub(TestTokens.PUBLISHER, GrpcSerializationFormats.PROTO_WEB);
        PricingServiceBlockingStub reader = grpcStub(TestTokens.READER, GrpcSerializationFormats.PROTO_WEB);

        assertThat(Status.fromThrowable(catchThrowable(() -> noToken.getPrice(priceRequest())))
                        .getCode())
                .isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(Status.fromThrowable(catchThrowable(() -> publisher.getPrice(priceRequest())))
                        .getCode())
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(reader.getPrice(priceRequest()).getQuote().getProductId()).isEqualTo("P00001");
    }

    @Test
    void restAndJsonClientsSeeHttp401And403() {
        WebClient web = WebClient.of("http://127.0.0.1:" + port());
        String path = "/v1/prices/P00001";
        String json = "/tickscope.pricing.v1.PricingService/GetPrice";

        assertThat(get(web, path, null).status().code()).isEqualTo(401);
        assertThat(get(web, path, TestTokens.UNKNOWN).status().code()).isEqualTo(401);
        assertThat(get(web, path, TestTokens.PUBLISHER).status().code()).isEqualTo(403);
        assertThat(get(web, path, TestTokens.READER).status().code()).isEqualTo(200);
        assertThat(postJson(web, json, null).status().code()).isEqualTo(401);
        assertThat(postJson(web, json, TestTokens.PUBLISHER).status().code()).isEqualTo(403);
        assertThat(postJson(web, json, TestTokens.READER).contentUtf8()).contains("\"productId\":\"P00001\"");
    }

    /** The rules as the issue states them, written out here so that the test does not read the server's table. */
    private static @Nullable Role roleNeededBy(ReflectedMethod method) {
        return switch (method.serviceName()) {
            case "grpc.health.v1.Health" -> null;
            case "grpc.reflection.v1.ServerReflection" -> Role.ADMIN;
            default ->
                method.fullName().equals("tickscope.pricing.v1.PricingService/PublishPrices")
                        ? Role.PUBLISHER
                        : Role.READER;
        };
    }

    private static Role wrongRoleFor(Role needed) {
        return needed == Role.PUBLISHER ? Role.READER : Role.PUBLISHER;
    }

    private static String tokenOf(Role role) {
        return switch (role) {
            case READER -> TestTokens.READER;
            case PUBLISHER -> TestTokens.PUBLISHER;
            case ADMIN -> TestTokens.ADMIN;
        };
    }

    private static Status.Code call(ReflectedMethod method, @Nullable String token) throws Exception {
        return GenericCalls.firstAnswer(channel(), method, token);
    }

    private static PricingServiceBlockingStub grpcStub(@Nullable String token, SerializationFormat format) {
        GrpcClientBuilder builder =
                GrpcClients.builder(URI.create("http://127.0.0.1:" + port())).serializationFormat(format);
        if (token != null) {
            builder.addHeader(HttpHeaderNames.AUTHORIZATION, "Bearer " + token);
        }
        return builder.build(PricingServiceBlockingStub.class);
    }

    private static AggregatedHttpResponse get(WebClient web, String path, @Nullable String token) {
        RequestHeadersBuilder headers = RequestHeaders.builder(HttpMethod.GET, path);
        if (token != null) {
            headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token);
        }
        return web.execute(headers.build()).aggregate().join();
    }

    private static AggregatedHttpResponse postJson(WebClient web, String path, @Nullable String token) {
        RequestHeadersBuilder headers =
                RequestHeaders.builder(HttpMethod.POST, path).contentType(MediaType.JSON);
        if (token != null) {
            headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token);
        }
        return web.execute(HttpRequest.of(headers.build(), HttpData.ofUtf8("{\"productId\":\"P00001\"}")))
                .aggregate()
                .join();
    }

    private static GetPriceRequest priceRequest() {
        return GetPriceRequest.newBuilder().setProductId("P00001").build();
    }

    private static ManagedChannel channel() {
        return requireNonNull(channel, "channel");
    }

    private static int port() {
        return requireNonNull(server, "server").port();
    }
}
