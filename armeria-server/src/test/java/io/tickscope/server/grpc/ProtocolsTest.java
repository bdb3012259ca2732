package io.tickscope.server.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.linecorp.armeria.client.BlockingWebClient;
import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.client.grpc.GrpcClients;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpHeaders;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.common.SessionProtocol;
import com.linecorp.armeria.common.grpc.GrpcSerializationFormats;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc.HealthBlockingStub;
import io.grpc.reflection.v1.ServerReflectionGrpc.ServerReflectionStub;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.tickscope.api.pricing.v1.GetPriceRequest;
import io.tickscope.api.pricing.v1.PricingServiceGrpc;
import io.tickscope.api.pricing.v1.PricingServiceGrpc.PricingServiceBlockingStub;
import io.tickscope.api.recommendation.v1.RecommendationServiceGrpc;
import io.tickscope.api.user.v1.UserServiceGrpc;
import io.tickscope.server.testing.RecordingObserver;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The one port speaks gRPC-Web, unframed JSON, REST, health, reflection, metrics and DocService too, and every
 * bad request gets the same answer on every protocol: a status a client can act on, JSON over JSON and REST.
 */
class ProtocolsTest {

    @RegisterExtension
    static final TickscopeTestServer server = new TickscopeTestServer(0);

    private static final String GET_PRICE = "/tickscope.pricing.v1.PricingService/GetPrice";

    private final BlockingWebClient http = BlockingWebClient.of(server.httpUri());
    /** Plain HTTP/2, as gRPC needs, for requests no gRPC client would send. */
    private final BlockingWebClient h2c =
            WebClient.of(server.uri(SessionProtocol.H2C)).blocking();

    @Test
    void grpcWebClientGetsTheSameQuoteAsGrpc() {
        PricingServiceBlockingStub grpcWeb = GrpcClients.builder(server.httpUri())
                .serializationFormat(GrpcSerializationFormats.PROTO_WEB)
                .build(PricingServiceBlockingStub.class);
        GetPriceRequest request =
                GetPriceRequest.newBuilder().setProductId("P00042").build();

        assertThat(grpcWeb.getPrice(request))
                .isEqualTo(server.stub(PricingServiceBlockingStub.class).getPrice(request));
    }

    @Test
    void unframedJsonPostCallsGetPrice() {
        AggregatedHttpResponse response = http.prepare()
                .post("/tickscope.pricing.v1.PricingService/GetPrice")
                .content(MediaType.JSON_UTF_8, "{\"productId\":\"P00042\",\"currencyCode\":\"EUR\"}")
                .execute();

        assertThat(response.status()).isEqualTo(HttpStatus.OK);
        assertThat(withoutWhitespace(response.contentUtf8()))
                .contains("\"productId\":\"P00042\"")
                .contains("\"currencyCode\":\"EUR\"");
    }

    @Test
    void restRoutesFollowTheHttpAnnotations() {
        AggregatedHttpResponse price =
                http.get("/v1/prices/P00042?currency_code=GBP&customer_segment=CUSTOMER_SEGMENT_VIP");
        AggregatedHttpResponse book = http.get("/v1/books/B0042");
        AggregatedHttpResponse user = http.get("/v1/users/U0042");
        AggregatedHttpResponse recommendations = http.get("/v1/users/U0042/recommendations?max_results=3");
        AggregatedHttpResponse batch = http.execute(HttpRequest.of(
                HttpMethod.POST,
                "/v1/prices:batchGet",
                MediaType.JSON_UTF_8,
                "{\"productIds\":[\"P00001\",\"P00404\"]}"));

        assertThat(price.status()).isEqualTo(HttpStatus.OK);
        assertThat(price.headers().contains(HttpHeaderNames.DATE))
                .as("HTTP asks a server with a clock for a date")
                .isTrue();
        assertThat(price.headers().contains(HttpHeaderNames.SERVER))
                .as("no server header names the software")
                .isFalse();
        assertThat(withoutWhitespace(price.contentUtf8()))
                .contains("\"currencyCode\":\"GBP\"")
                .contains("CUSTOMER_SEGMENT_VIP");
        assertThat(withoutWhitespace(book.contentUtf8())).contains("\"bookId\":\"B0042\"");
        assertThat(withoutWhitespace(user.contentUtf8())).contains("\"userId\":\"U0042\"");
        assertThat(recommendations.contentUtf8().split("\"reason\"")).hasSize(4);
        assertThat(batch.contentUtf8()).contains("P00001").contains("P00404");
    }

    @Test
    void restErrorsCarryTheStatusAndTheBadField() {
        AggregatedHttpResponse unknown = http.get("/v1/prices/P99999");
        AggregatedHttpResponse invalid = http.get("/v1/prices/P00001?currency_code=euro");
        // Armeria cannot even put this into the request message: the number does not fit max_results' int32.
        AggregatedHttpResponse untranscodable = http.get("/v1/users/U0042/recommendations?max_results=99999999999");

        assertThat(unknown.status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.contentUtf8()).contains("product not found").doesNotContain("Exception");
        assertThat(invalid.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(invalid.contentUtf8()).contains("currency_code").doesNotContain("\tat ");
        assertJsonError(invalid, "\"field\":\"currency_code\"");
        assertJsonError(
                untranscodable,
                "\"message\":\"max_results: \\\"99999999999\\\" (expected: a whole number from -2147483648 to"
                        + " 2147483647)\"",
                "\"field\":\"max_results\"");
    }

    @Test
    void unparsableRequestIsInvalidArgumentOnEveryProtocol() {
        byte[] garbage = new byte[300];
        new Random(300).nextBytes(garbage);
        byte[] frame = grpcFrame(garbage.length, garbage);
        String expected = "request: not a valid protobuf message of the method's request type";

        for (String grpcType : List.of("application/grpc", "application/grpc-web")) {
            assertThat(grpcStatus(post(GET_PRICE, grpcType, frame)))
                    .as(grpcType)
                    .containsExactly("3", expected);
        }
        assertThat(grpcStatus(post(
                        GET_PRICE,
                        "application/grpc-web-text",
                        Base64.getEncoder().encode(frame))))
                .as("application/grpc-web-text")
                .containsExactly("3", expected);
        assertJsonError(post(GET_PRICE, "application/json", garbage), "\"message\":\"" + expected + '"');
        assertJsonError(post(GET_PRICE, "application/protobuf", garbage), "\"message\":\"" + expected + '"');
        assertJsonError(post("/v1/prices:batchGet", "application/json", garbage), "\"field\":\"request\"");
    }

    @Test
    void frameDeclaringTwoGibibytesNamesTheMethodItsSizeAndTheLimit() {
        // The length prefix 0x80000000: 2 GiB as the unsigned 32 bits it is, though a signed int reads it as < 0.
        byte[] frame = grpcFrame(Integer.MIN_VALUE, new byte[16]);

        for (String grpcType : List.of("application/grpc", "application/grpc-web")) {
            assertThat(grpcStatus(post(GET_PRICE, grpcType, frame)))
                    .as(grpcType)
                    .containsExactly(
                            "8",
                            "request message of tickscope.pricing.v1.PricingService/GetPrice: 2147483648 bytes"
                                    + " (expected: <= 16384)");
        }
    }

    @Test
    void healthIsServing() {
        HealthCheckResponse health =
                server.stub(HealthBlockingStub.class).check(HealthCheckRequest.getDefaultInstance());

        assertThat(health.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
    }

    @Test
    void reflectionListsEveryTickscopeService() throws Exception {
        RecordingObserver<ServerReflectionResponse> answers = new RecordingObserver<>();
        var requests = server.stub(ServerReflectionStub.class).serverReflectionInfo(answers);
        requests.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());
        requests.onCompleted();
        answers.completed().get(10, TimeUnit.SECONDS);

        assertThat(answers.values().get(0).getListServicesResponse().getServiceList())
                .extracting(ServiceResponse::getName)
                .contains(
                        PricingServiceGrpc.SERVICE_NAME,
                        RecommendationServiceGrpc.SERVICE_NAME,
                        UserServiceGrpc.SERVICE_NAME,
                        "grpc.health.v1.Health");
    }

    @Test
    void reflectionAnswersEveryRequestSentAheadOfItsAnswersOnceAndInOrder() throws Exception {
        // A client may send requests without waiting for answers, as the Explorer's does. Armeria can call a
        // service's onReady handler from inside its onNext (line/armeria#6938), which made grpc-java's reflection
        // service answer one request twice, take two more and fail the stream with an IllegalStateException.
        // Without ReflectionOnReadyBetweenCallbacks, three runs of this test each failed by their third stream.
        List<ServerReflectionRequest> sent = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            sent.add(
                    i % 2 == 0
                            ? ServerReflectionRequest.newBuilder()
                                    .setListServices("")
                                    .build()
                            : ServerReflectionRequest.newBuilder()
                                    .setFileContainingSymbol(PricingServiceGrpc.SERVICE_NAME)
                                    .build());
        }
        for (int stream = 0; stream < 10; stream++) {
            RecordingObserver<ServerReflectionResponse> answers = new RecordingObserver<>();
            var requests = server.stub(ServerReflectionStub.class).serverReflectionInfo(answers);
            sent.forEach(requests::onNext);
            requests.onCompleted();
            CompletableFuture.anyOf(answers.completed(), answers.error()).get(30, TimeUnit.SECONDS);

            assertThat(answers.error()).as("stream %d's failure", stream).isNotDone();
            assertThat(answers.values())
                    .extracting(ServerReflectionResponse::getOriginalRequest)
                    .containsExactlyElementsOf(sent);
        }
    }

    @Test
    void docServiceSpecificationDescribesEveryMethodWithDocstringsAndExamples() {
        String specification = http.get("/docs/specification.json").contentUtf8();

        assertThat(specification)
                .contains(
                        PricingServiceGrpc.SERVICE_NAME,
                        RecommendationServiceGrpc.SERVICE_NAME,
                        UserServiceGrpc.SERVICE_NAME)
                .contains("\"WatchPrices\"", "\"PublishPrices\"", "\"RecommendationSession\"", "\"UploadBookRatings\"")
                .contains("GetPrice returns the current price of one product")
                .contains("P00042");
    }

    @Test
    void metricsAreExposedForPrometheus() {
        server.stub(PricingServiceBlockingStub.class)
                .getPrice(GetPriceRequest.newBuilder().setProductId("P00001").build());

        AggregatedHttpResponse metrics = http.get("/internal/metrics");

        assertThat(metrics.status()).isEqualTo(HttpStatus.OK);
        assertThat(metrics.contentUtf8())
                .contains("grpc_service_requests_total")
                .contains("GetPrice")
                // Call durations as fixed buckets (CallLatencyBuckets), which add up across replicas...
                .containsPattern("grpc_service_total_duration_seconds_bucket\\{.*le=\"2\\.5E-4\"")
                // ... not as per-process quantiles recorded into HdrHistograms on the event loop.
                .doesNotContainPattern("grpc_service_\\w+\\{[^\\n]*quantile=");
    }

    private AggregatedHttpResponse post(String path, String contentType, byte[] body) {
        return h2c.execute(
                RequestHeaders.of(HttpMethod.POST, path, HttpHeaderNames.CONTENT_TYPE, contentType, "te", "trailers"),
                HttpData.wrap(body));
    }

    /** Returns a gRPC length-prefixed message: not compressed, {@code declaredLength} as its length. */
    private static byte[] grpcFrame(int declaredLength, byte[] payload) {
        return ByteBuffer.allocate(5 + payload.length)
                .put((byte) 0)
                .putInt(declaredLength)
                .put(payload)
                .array();
    }

    /** Returns grpc-status and grpc-message, from the trailers or, in a trailers-only response, the headers. */
    private static List<String> grpcStatus(AggregatedHttpResponse response) {
        HttpHeaders status = response.trailers().contains("grpc-status") ? response.trailers() : response.headers();
        return Stream.of(status.get("grpc-status"), status.get("grpc-message"))
                .map(value -> value == null ? "(none)" : value)
                .toList();
    }

    /** Asserts the one shape of every error over JSON and REST: HTTP 400, and a JSON body with the gRPC code. */
    private static void assertJsonError(AggregatedHttpResponse response, String... jsonParts) {
        assertThat(response.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.contentType()).isNotNull();
        assertThat(response.contentType().isJson())
                .as("JSON body: %s", response.contentUtf8())
                .isTrue();
        assertThat(response.contentUtf8())
                .startsWith("{\"code\":3,\"grpc-code\":\"INVALID_ARGUMENT\"")
                .contains(jsonParts)
                .doesNotContain("Exception", "armeria");
    }

    private static String withoutWhitespace(String json) {
        return json.replaceAll("\\s", "");
    }
}
