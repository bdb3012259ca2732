package io.tickscope.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.linecorp.armeria.client.grpc.GrpcClients;
import io.grpc.Status;
import io.tickscope.api.pricing.v1.GetPriceRequest;
import io.tickscope.api.pricing.v1.PricingServiceGrpc.PricingServiceBlockingStub;
import io.tickscope.api.pricing.v1.PricingServiceGrpc.PricingServiceStub;
import io.tickscope.api.pricing.v1.WatchPricesRequest;
import io.tickscope.api.pricing.v1.WatchPricesResponse;
import io.tickscope.api.recommendation.v1.GetBookRequest;
import io.tickscope.api.recommendation.v1.RecommendationServiceGrpc.RecommendationServiceBlockingStub;
import io.tickscope.api.recommendation.v1.RecommendationServiceGrpc.RecommendationServiceStub;
import io.tickscope.api.recommendation.v1.UploadBookRatingsRequest;
import io.tickscope.api.recommendation.v1.UploadBookRatingsResponse;
import io.tickscope.server.testing.RecordingObserver;
import io.tickscope.server.testing.ResponseFuture;
import io.tickscope.server.testing.ServerProcess;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The headless launcher as an operator runs it: a separate JVM, its READY line, SIGTERM and a restart. */
class ServerProcessTest {

    @TempDir
    Path dataDirectory;

    @TempDir
    Path logDirectory;

    @Test
    void helpListsEveryFlag() {
        ServerProcess.Exit help = ServerProcess.run("help", logDirectory, "--help");

        assertThat(help.code()).isZero();
        assertThat(help.output())
                .contains("--port", "--host", "--data-dir", "--tick-rate", "--seed", "--shutdown-timeout");
    }

    @Test
    void badFlagExitsNonZeroWithAReason() {
        ServerProcess.Exit bad = ServerProcess.run("bad-flag", logDirectory, "--port", "seventy");

        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.errors()).contains("--port").contains("seventy");
    }

    @Test
    void ratingsSurviveARestartAndSigtermEndsStreamsWithUnavailable() throws Exception {
        long ratingCountAfterUpload;
        try (ServerProcess first = ServerProcess.start("first", dataDirectory, 0, logDirectory, "--tick-rate", "100")) {
            URI uri = first.uri();
            RecommendationServiceBlockingStub books =
                    GrpcClients.newClient(uri, RecommendationServiceBlockingStub.class);
            long before = books.getBook(
                            GetBookRequest.newBuilder().setBookId("B1999").build())
                    .getBook()
                    .getRatingCount();

            UploadBookRatingsResponse summary =
                    upload(uri, List.of(rating("U0998", "B1999"), rating("U0999", "B1999")));
            assertThat(summary.getAcceptedCount()).isEqualTo(2);
            ratingCountAfterUpload = books.getBook(
                            GetBookRequest.newBuilder().setBookId("B1999").build())
                    .getBook()
                    .getRatingCount();
            assertThat(ratingCountAfterUpload).isGreaterThanOrEqualTo(before);

            RecordingObserver<WatchPricesResponse> watch = watch(uri);
            int exitCode = first.stop(); // SIGTERM

            assertThat(Status.fromThrowable(watch.error().get(20, TimeUnit.SECONDS))
                            .getCode())
                    .isEqualTo(Status.Code.UNAVAILABLE);
            assertThat(exitCode).as("128 + SIGTERM, after the graceful stop").isEqualTo(143);
        }

        try (ServerProcess second =
                ServerProcess.start("second", dataDirectory, 0, logDirectory, "--tick-rate", "100")) {
            URI uri = second.uri();
            RecommendationServiceBlockingStub books =
                    GrpcClients.newClient(uri, RecommendationServiceBlockingStub.class);
            assertThat(books.getBook(GetBookRequest.newBuilder()
                                    .setBookId("B1999")
                                    .build())
                            .getBook()
                            .getRatingCount())
                    .isEqualTo(ratingCountAfterUpload);
            assertThat(GrpcClients.newClient(uri, PricingServiceBlockingStub.class)
                            .getPrice(GetPriceRequest.newBuilder()
                                    .setProductId("P00001")
                                    .build())
                            .getQuote()
                            .getProductId())
                    .isEqualTo("P00001");
        }
    }

    /** Starts a watch and returns once its first update arrived. */
    private static RecordingObserver<WatchPricesResponse> watch(URI uri) {
        RecordingObserver<WatchPricesResponse> watch = new RecordingObserver<>();
        GrpcClients.newClient(uri, PricingServiceStub.class)
                .watchPrices(
                        WatchPricesRequest.newBuilder().addProductIds("P00001").build(), watch);
        await().until(() -> !watch.values().isEmpty());
        return watch;
    }

    private static UploadBookRatingsResponse upload(URI uri, List<UploadBookRatingsRequest> ratings) throws Exception {
        return ResponseFuture.sendAll(
                GrpcClients.newClient(uri, RecommendationServiceStub.class)::uploadBookRatings, ratings);
    }

    private static UploadBookRatingsRequest rating(String userId, String bookId) {
        return UploadBookRatingsRequest.newBuilder()
                .setUserId(userId)
                .setBookId(bookId)
                .setRating(1)
                .build();
    }
}
