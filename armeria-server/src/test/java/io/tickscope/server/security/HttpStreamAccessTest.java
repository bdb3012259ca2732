package io.tickscope.server.security;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickscope.server.TickscopeServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP streams (/v1/prices:watch, /v1/books:stream) under tokens: the same rules as every gRPC method, checked
 * by the same interceptor, answered with the REST routes' 401 and 403.
 */
class HttpStreamAccessTest {

    @TempDir
    static Path directory;

    private static @Nullable TickscopeServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = RunningServer.start(
                "127.0.0.1", 0, SecuritySettings.none().withTokensFile(TestTokens.writeTo(directory)));
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void watchWithoutTokenIsUnauthenticated() throws Exception {
        HttpResponse<String> response = send("/v1/prices:watch?product_ids=P00001", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("\"grpc-code\":\"UNAUTHENTICATED\"");
    }

    @Test
    void publisherTokenMayNotWatch() throws Exception {
        HttpResponse<String> response = send("/v1/prices:watch?product_ids=P00001", TestTokens.PUBLISHER);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("\"grpc-code\":\"PERMISSION_DENIED\"");
    }

    @Test
    void readerTokenStreams() throws Exception {
        HttpResponse<String> response = send("/v1/books:stream?category=BOOK_CATEGORY_SCIENCE", TestTokens.READER);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"bookId\":").endsWith("event:end\ndata:{}\n\n");
    }

    private static HttpResponse<String> send(String pathAndQuery, @Nullable String token) throws Exception {
        URI uri = URI.create(
                "http://127.0.0.1:" + requireNonNull(server, "server").port() + pathAndQuery);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("accept", "text/event-stream")
                .timeout(Duration.ofSeconds(60));
        if (token != null) {
            request.header("authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
