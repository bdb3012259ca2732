package io.tickscope.server.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.linecorp.armeria.client.grpc.GrpcClients;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.tickscope.api.pricing.v1.GetPriceRequest;
import io.tickscope.api.pricing.v1.GetPricesBatchRequest;
import io.tickscope.api.pricing.v1.PricingServiceGrpc.PricingServiceBlockingStub;
import io.tickscope.api.recommendation.v1.RecommendationServiceGrpc.RecommendationServiceStub;
import io.tickscope.api.recommendation.v1.UploadBookRatingsRequest;
import io.tickscope.server.testing.ResponseFuture;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Per-method message sizes, the transport's message ceiling and the total of an upload stream. */
class MessageLimitsTest {

    private static final int UPLOAD_STREAM_BYTES = 4_000;

    @RegisterExtension
    static final LimitedTestServer server = new LimitedTestServer(ServerLimits.defaults().toBuilder()
            .maxUploadStreamBytes(UPLOAD_STREAM_BYTES)
            .build());

    private final PricingServiceBlockingStub pricing =
            GrpcClients.builder(server.httpUri()).maxRequestMessageLength(-1).build(PricingServiceBlockingStub.class);

    @Test
    void getPriceRejectsMessageAboveItsOwnLimit() {
        GetPriceRequest request =
                GetPriceRequest.newBuilder().setProductId("P".repeat(20_000)).build();

        StatusRuntimeException failure = failsWith(Status.Code.RESOURCE_EXHAUSTED, () -> pricing.getPrice(request));

        assertThat(failure.getStatus().getDescription())
                .isEqualTo("request message of tickscope.pricing.v1.PricingService/GetPrice: "
                        + request.getSerializedSize() + " bytes (expected: <= 16384)");
    }

    @Test
    void batchOfAThousandIdsFitsWhereGetPriceWouldRefuseTheBytes() {
        GetPricesBatchRequest batch = batchOf(1_000, 20);
        assertThat(batch.getSerializedSize()).isGreaterThan(16_384);

        assertThat(pricing.getPricesBatch(batch).getResultsCount()).isEqualTo(1_000);
    }

    @Test
    void messageAboveTheLargestLimitIsRefusedByTheTransport() {
        GetPricesBatchRequest batch = batchOf(1_000, 200);
        assertThat(batch.getSerializedSize()).isGreaterThan(128 * 1024);

        StatusRuntimeException failure = failsWith(Status.Code.RESOURCE_EXHAUSTED, () -> pricing.getPricesBatch(batch));

        assertThat(failure.getStatus().getDescription()).contains(Integer.toString(128 * 1024));
    }

    @Test
    void uploadStreamEndsOnceItsTotalIsPassed() {
        RecommendationServiceStub recommendations =
                GrpcClients.newClient(server.httpUri(), RecommendationServiceStub.class);
        UploadBookRatingsRequest rating = UploadBookRatingsRequest.newBuilder()
                .setUserId("U0001")
                .setBookId("B0001")
                .setRating(4)
                .build();
        int ratingsPastTheTotal = UPLOAD_STREAM_BYTES / rating.getSerializedSize() + 10;

        ExecutionException failure = catchThrowableOfType(
                ExecutionException.class,
                () -> ResponseFuture.sendAll(
                        recommendations::uploadBookRatings, Collections.nCopies(ratingsPastTheTotal, rating)));
        Status status = Status.fromThrowable(failure.getCause());
        assertThat(status.getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        assertThat(status.getDescription())
                .startsWith("request stream of tickscope.recommendation.v1.RecommendationService/UploadBookRatings: ")
                .endsWith("(expected: <= " + UPLOAD_STREAM_BYTES + " in total)");
    }

    @Test
    void uploadRejectsARatingAboveItsMessageLimit() {
        RecommendationServiceStub recommendations = GrpcClients.builder(server.httpUri())
                .maxRequestMessageLength(-1)
                .build(RecommendationServiceStub.class);
        UploadBookRatingsRequest tooLarge = UploadBookRatingsRequest.newBuilder()
                .setUserId("U".repeat(5_000))
                .setBookId("B0001")
                .setRating(4)
                .build();

        ExecutionException failure = catchThrowableOfType(
                ExecutionException.class,
                () -> ResponseFuture.sendAll(recommendations::uploadBookRatings, List.of(tooLarge)));
        Status status = Status.fromThrowable(failure.getCause());
        assertThat(status.getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        assertThat(status.getDescription()).endsWith("(expected: <= 4096)");
    }

    private static GetPricesBatchRequest batchOf(int count, int idLength) {
        GetPricesBatchRequest.Builder batch = GetPricesBatchRequest.newBuilder();
        IntStream.range(0, count)
                .mapToObj(i -> String.format("P%0" + (idLength - 1) + "d", i))
                .forEach(batch::addProductIds);
        return batch.build();
    }

    static StatusRuntimeException failsWith(Status.Code code, ThrowingCallable call) {
        StatusRuntimeException failure = catchThrowableOfType(StatusRuntimeException.class, call);
        assertThat(failure).as("the call should fail with %s", code).isNotNull();
        assertThat(failure.getStatus().getCode()).isEqualTo(code);
        return failure;
    }
}
