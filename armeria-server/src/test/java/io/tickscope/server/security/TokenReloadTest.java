package io.tickscope.server.security;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.client.grpc.GrpcClients;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.common.grpc.GrpcSerializationFormats;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.tickscope.api.pricing.v1.GetPriceRequest;
import io.tickscope.api.pricing.v1.PricingServiceGrpc;
import io.tickscope.api.pricing.v1.PricingServiceGrpc.PricingServiceBlockingStub;
import io.tickscope.api.pricing.v1.WatchPricesRequest;
import io.tickscope.api.pricing.v1.WatchPricesResponse;
import io.tickscope.server.TickscopeServer;
import io.tickscope.server.testing.RecordingObserver;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The tokens file edited under a running server, as an operator does: tokens added, revoked, all revoked, the
 * file broken and deleted. The file is replaced by a rename, the way to write it without a reader ever seeing it
 * half-written. The server re-reads it every 2 s, so each change is awaited for up to 10 s.
 */
class TokenReloadTest {

    private static final Duration RELOADED = Duration.ofSeconds(10);
    /** Not in the file at start; an operator adds it. */
    private static final String NEWCOMER = "newcomer-token-7e55";

    @TempDir
    Path directory;

    private final List<ILoggingEvent> logged = new CopyOnWriteArrayList<>();
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            logged.add(event);
        }
    };
    private Path tokensFile = Path.of("unset");
    private @Nullable TickscopeServer server;
    private @Nullable ManagedChannel channel;

    @BeforeEach
    void captureTheReloadLog() throws IOException {
        appender.start();
        reloadLogger().addAppender(appender);
        tokensFile = TestTokens.writeTo(directory);
    }

    @AfterEach
    void stop() {
        reloadLogger().detachAppender(appender);
        if (channel != null) {
            channel.shutdownNow();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aTokenAddedToTheFileIsAcceptedWithoutARestart() throws IOException {
        start(0);
        assertThat(grpcCall(NEWCOMER)).isEqualTo(Status.Code.UNAUTHENTICATED);

        replaceTokens(line("dashboard", TestTokens.READER, "reader") + line("newcomer", NEWCOMER, "reader"));

        await().atMost(RELOADED).until(() -> grpcCall(NEWCOMER) == Status.Code.OK);
        assertThat(grpcCall(TestTokens.READER)).isEqualTo(Status.Code.OK);
        assertThat(messages(Level.INFO))
                .contains("tokens file " + tokensFile + " reloaded: 2 tokens [dashboard, newcomer]")
                .noneMatch(message -> message.contains(TokenFile.hash(NEWCOMER)));
    }

    @Test
    void aRevokedTokenIsRefusedOnItsNextCallWhateverTheProtocol() throws IOException {
        start(0);
        assertThat(grpcCall(TestTokens.READER)).isEqualTo(Status.Code.OK);
        assertThat(restCall("/v1/prices/P00001", TestTokens.READER)).isEqualTo(200);
        assertThat(restCall("/internal/metrics", TestTokens.ADMIN)).isEqualTo(200);

        replaceTokens(line("feeder", TestTokens.PUBLISHER, "publisher"));

        await().atMost(RELOADED).until(() -> grpcCall(TestTokens.READER) == Status.Code.UNAUTHENTICATED);
        assertThat(grpcWebCall(TestTokens.READER)).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(restCall("/v1/prices/P00001", TestTokens.READER)).isEqualTo(401);
        assertThat(restCall("/internal/metrics", TestTokens.ADMIN)).isEqualTo(401);
        assertThat(grpcCall(TestTokens.PUBLISHER)).isEqualTo(Status.Code.PERMISSION_DENIED);
    }

    @Test
    void aFileWithoutTokenLinesRefusesEveryCallInsteadOfTurningAuthenticationOff() throws IOException {
        start(0);

        replaceTokens("# every token revoked\n");

        await().atMost(RELOADED).until(() -> grpcCall(TestTokens.ADMIN) == Status.Code.UNAUTHENTICATED);
        assertThat(grpcCall(null)).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(messages(Level.INFO))
                .contains("tokens file " + tokensFile + " reloaded: no tokens, every call that needs one is refused");
    }

    @Test
    void aBrokenFileKeepsTheOldTokensAndIsLoggedOnce() throws IOException {
        start(0);

        replaceTokens(line("newcomer", NEWCOMER, "reader") + line("operator", TestTokens.ADMIN, "root"));

        await().atMost(RELOADED).until(() -> !messages(Level.WARN).isEmpty());
        assertThat(messages(Level.WARN))
                .singleElement()
                .isEqualTo("tokens file " + tokensFile + " changed but cannot be used, so the tokens read before"
                        + " stay in force (3 tokens [dashboard, feeder, operator]): tokens file " + tokensFile
                        + " line 2: role: \"root\" (expected: one of reader, publisher, admin)");
        assertThat(grpcCall(TestTokens.READER)).isEqualTo(Status.Code.OK);
        assertThat(grpcCall(NEWCOMER)).isEqualTo(Status.Code.UNAUTHENTICATED);
        // Over two more checks of the same broken file, nothing more is logged.
        await().during(Duration.ofMillis(4_500))
                .atMost(RELOADED)
                .until(() -> messages(Level.WARN).size() == 1);

        Files.delete(tokensFile);

        await().atMost(RELOADED).until(() -> messages(Level.WARN).size() == 2);
        assertThat(messages(Level.WARN).get(1)).contains("NoSuchFileException: " + tokensFile);
        assertThat(grpcCall(TestTokens.READER)).isEqualTo(Status.Code.OK);
    }

    @Test
    void aStreamOpenedWithATokenThatIsThenRevokedKeepsRunning() throws IOException {
        start(5_000);
        RecordingObserver<WatchPricesResponse> watch = new RecordingObserver<>();
        PricingServiceGrpc.newStub(BearerTokens.attach(channel(), TestTokens.READER))
                .watchPrices(
                        WatchPricesRequest.newBuilder()
                                .addAllProductIds(IntStream.rangeClosed(1, 100)
                                        .mapToObj(i -> String.format("P%05d", i))
                                        .toList())
                                .build(),
                        watch);
        await().atMost(RELOADED).until(() -> watch.values().size() >= 5);

        replaceTokens(line("operator", TestTokens.ADMIN, "admin"));

        await().atMost(RELOADED).until(() -> grpcCall(TestTokens.READER) == Status.Code.UNAUTHENTICATED);
        int seenAtRevocation = watch.values().size();
        await().atMost(RELOADED).until(() -> watch.values().size() >= seenAtRevocation + 20);
        assertThat(watch.error()).isNotDone();
        watch.cancel();
    }

    private void start(int tickRate) {
        SecuritySettings security =
                SecuritySettings.none().withTokensFile(tokensFile).withAdminAccess(AdminAccess.ADMIN);
        TickscopeServer started = RunningServer.start("127.0.0.1", tickRate, security);
        server = started;
        channel = Grpc.newChannelBuilderForAddress("127.0.0.1", started.port(), InsecureChannelCredentials.create())
                .build();
    }

    /** Writes the new file beside the old one and renames it into place, so that no check sees half of it. */
    private void replaceTokens(String content) throws IOException {
        Path next = Files.writeString(directory.resolve("tokens.next"), content);
        Files.move(next, tokensFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String line(String name, String token, String roles) {
        return name + " " + TokenFile.hash(token) + " " + roles + "\n";
    }

    private Status.Code grpcCall(@Nullable String token) {
        PricingServiceBlockingStub stub = PricingServiceGrpc.newBlockingStub(
                        token == null ? channel() : BearerTokens.attach(channel(), token))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
        return codeOf(catchThrowable(() -> stub.getPrice(priceRequest())));
    }

    private Status.Code grpcWebCall(String token) {
        PricingServiceBlockingStub stub = GrpcClients.builder(URI.create("http://127.0.0.1:" + port()))
                .serializationFormat(GrpcSerializationFormats.PROTO_WEB)
                .addHeader(HttpHeaderNames.AUTHORIZATION, "Bearer " + token)
                .build(PricingServiceBlockingStub.class);
        return codeOf(catchThrowable(() -> stub.getPrice(priceRequest())));
    }

    private static Status.Code codeOf(@Nullable Throwable failure) {
        return failure == null ? Status.Code.OK : Status.fromThrowable(failure).getCode();
    }

    private int restCall(String path, String token) {
        return WebClient.of("http://127.0.0.1:" + port())
                .execute(RequestHeaders.builder(HttpMethod.GET, path)
                        .set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token)
                        .build())
                .aggregate()
                .join()
                .status()
                .code();
    }

    private List<String> messages(Level level) {
        return logged.stream()
                .filter(event -> event.getLevel() == level)
                .map(ILoggingEvent::getFormattedMessage)
                .filter(message -> message.startsWith("tokens file " + tokensFile))
                .toList();
    }

    private static Logger reloadLogger() {
        return (Logger) LoggerFactory.getLogger(ReloadingTokenFile.class);
    }

    private static GetPriceRequest priceRequest() {
        return GetPriceRequest.newBuilder().setProductId("P00001").build();
    }

    private ManagedChannel channel() {
        return requireNonNull(channel, "channel");
    }

    private int port() {
        return requireNonNull(server, "server").port();
    }
}
