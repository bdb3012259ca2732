package io.tickscope.desktop.explorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.DynamicMessage;
import io.grpc.ManagedChannel;
import io.tickscope.desktop.connection.Channels;
import io.tickscope.desktop.explorer.call.CallListener;
import io.tickscope.desktop.explorer.call.CallOutcome;
import io.tickscope.desktop.explorer.call.CallSettings;
import io.tickscope.desktop.explorer.call.DynamicCalls;
import io.tickscope.desktop.explorer.call.Header;
import io.tickscope.desktop.explorer.call.OpenCall;
import io.tickscope.desktop.explorer.call.ReflectionClient;
import io.tickscope.desktop.explorer.schema.JsonCodec;
import io.tickscope.desktop.explorer.schema.JsonTemplate;
import io.tickscope.desktop.explorer.schema.ServiceCatalog;
import io.tickscope.desktop.model.ErrorDetail;
import io.tickscope.desktop.testing.InteropTestServer;
import io.tickscope.desktop.testing.SharedServer;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Explorer's gRPC side without its UI, against a real Tickscope server and grpc-java's interop TestService:
 * discovery through reflection (v1, and v1alpha as the fallback), and each kind of call with dynamic messages.
 */
class DynamicCallsTest {

    @RegisterExtension
    static final SharedServer tickscope = new SharedServer();

    private static InteropTestServer interop;
    private static ManagedChannel tickscopeChannel;
    private static ManagedChannel interopChannel;

    @BeforeAll
    static void open() {
        interop = InteropTestServer.start();
        tickscopeChannel = tickscope.openChannel();
        interopChannel = Channels.open(interop.address());
    }

    @AfterAll
    static void close() {
        tickscopeChannel.shutdownNow();
        interopChannel.shutdownNow();
        interop.close();
    }

    @Test
    void reflectionV1ListsTickscopeServicesWithTheirMethods() {
        ServiceCatalog catalog = discover(tickscopeChannel);

        assertThat(catalog.source()).isEqualTo("reflection v1");
        assertThat(catalog.services())
                .extracting(service -> service.getFullName())
                .contains("tickscope.pricing.v1.PricingService", "tickscope.recommendation.v1.RecommendationService");
        assertThat(catalog.method("tickscope.pricing.v1.PricingService/WatchPrices"))
                .hasValueSatisfying(
                        method -> assertThat(method.isServerStreaming()).isTrue());
    }

    @Test
    void reflectionFallsBackToV1alphaOnAServerWithoutV1() {
        ServiceCatalog catalog = discover(interopChannel);

        assertThat(catalog.source()).isEqualTo("reflection v1alpha");
        assertThat(catalog.method("grpc.testing.TestService/FullDuplexCall")).isPresent();
    }

    @Test
    void unaryCallFromTheTemplateAnswersAQuote() throws Exception {
        ServiceCatalog catalog = discover(tickscopeChannel);
        MethodDescriptor getPrice =
                catalog.method("tickscope.pricing.v1.PricingService/GetPrice").orElseThrow();
        JsonCodec json = JsonCodec.of(catalog.files());
        String template = JsonTemplate.of(getPrice.getInputType());
        assertThat(template).contains("\"productId\": \"\"", "CUSTOMER_SEGMENT_UNSPECIFIED");

        Recording recording = call(
                tickscopeChannel,
                getPrice,
                json.parse(
                        getPrice.getInputType(), template.replace("\"productId\": \"\"", "\"productId\": \"P00042\"")));

        CallOutcome outcome = recording.outcome.get(10, TimeUnit.SECONDS);
        assertThat(outcome.statusLine()).isEqualTo("OK");
        assertThat(recording.responses).singleElement().satisfies(response -> assertThat(json.print(response))
                .contains("\"productId\": \"P00042\""));
    }

    @Test
    void badRequestFieldViolationsAreDecoded() throws Exception {
        ServiceCatalog catalog = discover(tickscopeChannel);
        MethodDescriptor getPrice =
                catalog.method("tickscope.pricing.v1.PricingService/GetPrice").orElseThrow();
        DynamicMessage empty = DynamicMessage.getDefaultInstance(getPrice.getInputType());

        CallOutcome outcome = call(tickscopeChannel, getPrice, empty).outcome.get(10, TimeUnit.SECONDS);

        assertThat(outcome.code()).isEqualTo("INVALID_ARGUMENT");
        assertThat(outcome.details())
                .extracting(ErrorDetail::kind, ErrorDetail::subject)
                .contains(org.assertj.core.groups.Tuple.tuple("field violation", "product_id"));
        assertThat(outcome.trailers()).extracting(Header::name).contains("grpc-status-details-bin");
    }

    @Test
    void bidiExchangeOnTheInteropServerAnswersEachMessage() throws Exception {
        ServiceCatalog catalog = discover(interopChannel);
        MethodDescriptor fullDuplex =
                catalog.method("grpc.testing.TestService/FullDuplexCall").orElseThrow();
        JsonCodec json = JsonCodec.of(catalog.files());
        Recording recording = new Recording();
        OpenCall call = new DynamicCalls(interopChannel).start(fullDuplex, CallSettings.defaults(), recording);

        call.send(json.parse(fullDuplex.getInputType(), "{\"responseParameters\": [{\"size\": 3}]}"));
        await().until(() -> recording.responses.size() == 1);
        call.send(json.parse(fullDuplex.getInputType(), "{\"responseParameters\": [{\"size\": 5}]}"));
        await().until(() -> recording.responses.size() == 2);
        call.halfClose();

        assertThat(recording.outcome.get(10, TimeUnit.SECONDS).statusLine()).isEqualTo("OK");
        assertThat(recording.responses)
                .extracting(response -> json.printCompact(response))
                .containsExactly("{\"payload\":{\"body\":\"AAAA\"}}", "{\"payload\":{\"body\":\"AAAAAAA=\"}}");
    }

    @Test
    void metadataDeadlineAndCompressionGoWithTheCall() throws Exception {
        ServiceCatalog catalog = discover(interopChannel);
        MethodDescriptor unary =
                catalog.method("grpc.testing.TestService/UnaryCall").orElseThrow();
        JsonCodec json = JsonCodec.of(catalog.files());
        Recording recording = new Recording();
        CallSettings settings = new CallSettings(
                Header.parseLines("x-grpc-test-echo-initial: hello\n# a comment\n"),
                java.time.Duration.ofSeconds(5),
                "gzip");
        OpenCall call = new DynamicCalls(interopChannel).start(unary, settings, recording);
        // grpc-java's TestService does not check expect_compressed itself; the gzip request must still be read.
        call.send(json.parse(unary.getInputType(), "{\"expectCompressed\": {\"value\": true}, \"responseSize\": 4}"));
        call.halfClose();

        assertThat(recording.outcome.get(10, TimeUnit.SECONDS).statusLine()).isEqualTo("OK");
        assertThat(recording.headers).contains(new Header("x-grpc-test-echo-initial", "hello"));
    }

    private static ServiceCatalog discover(ManagedChannel channel) {
        return ReflectionClient.discover(channel, ForkJoinPool.commonPool()).join();
    }

    private static Recording call(ManagedChannel channel, MethodDescriptor method, DynamicMessage request) {
        Recording recording = new Recording();
        OpenCall call = new DynamicCalls(channel).start(method, CallSettings.defaults(), recording);
        call.send(request);
        call.halfClose();
        return recording;
    }

    private static final class Recording implements CallListener {

        final List<DynamicMessage> responses = new CopyOnWriteArrayList<>();
        final List<Header> headers = new CopyOnWriteArrayList<>();
        final CompletableFuture<CallOutcome> outcome = new CompletableFuture<>();

        @Override
        public void onHeaders(List<Header> arrived) {
            headers.addAll(arrived);
        }

        @Override
        public void onMessage(DynamicMessage response, Instant receivedAt) {
            responses.add(response);
        }

        @Override
        public void onClose(CallOutcome closed) {
            outcome.complete(closed);
        }
    }
}
