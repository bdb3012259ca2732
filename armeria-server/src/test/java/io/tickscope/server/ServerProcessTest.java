package io.tickscope.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.linecorp.armeria.client.grpc.GrpcClients;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
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
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The headless launcher as an operator runs it: a separate JVM, its READY line, SIGTERM and a restart. */
class ServerProcessTest {

    private static final Pattern READY = Pattern.compile("^READY (http://\\S+) .*");

    @TempDir
    Path dataDirectory;

    @Test
    void helpListsEveryFlag() throws Exception {
        Process process = launch(List.of("--help"));
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(output).contains("--port", "--host", "--data-dir", "--tick-rate", "--seed", "--shutdown-timeout");
    }

    @Test
    void badFlagExitsNonZeroWithAReason() throws Exception {
        Process process = launch(List.of("--port", "seventy"), ProcessBuilder.Redirect.PIPE);
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(errors).contains("--port").contains("seventy");
    }

    @Test
    void ratingsSurviveARestartAndSigtermEndsStreamsWithUnavailable() throws Exception {
        long ratingCountAfterUpload;
        Process first = launch(serverFlags());
        try {
            URI uri = awaitReady(first);
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
            first.destroy(); // SIGTERM

            assertThat(Status.fromThrowable(watch.error().get(20, TimeUnit.SECONDS))
                            .getCode())
                    .isEqualTo(Status.Code.UNAVAILABLE);
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(first.exitValue())
                    .as("128 + SIGTERM, after the graceful stop")
                    .isEqualTo(143);
        } finally {
            first.destroyForcibly();
        }

        Process second = launch(serverFlags());
        try {
            URI uri = awaitReady(second);
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
        } finally {
            second.destroy();
            second.waitFor(30, TimeUnit.SECONDS);
            second.destroyForcibly();
        }
    }

    private List<String> serverFlags() {
        return List.of(
                "--host", "127.0.0.1", "--port", "0", "--data-dir", dataDirectory.toString(), "--tick-rate", "100");
    }

    private static Process launch(List<String> flags) throws IOException {
        return launch(flags, ProcessBuilder.Redirect.INHERIT);
    }

    private static Process launch(List<String> flags, ProcessBuilder.Redirect errors) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(flags);
        return new ProcessBuilder(command).redirectError(errors).start();
    }

    private static URI awaitReady(Process process) throws IOException {
        BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            Matcher ready = READY.matcher(line);
            if (ready.matches()) {
                return URI.create(ready.group(1));
            }
        }
        throw new AssertionError("the server ended without a READY line, exit code " + process.exitValue());
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
        ResponseFuture<UploadBookRatingsResponse> summary = new ResponseFuture<>();
        StreamObserver<UploadBookRatingsRequest> uploader =
                GrpcClients.newClient(uri, RecommendationServiceStub.class).uploadBookRatings(summary);
        ratings.forEach(uploader::onNext);
        uploader.onCompleted();
        return summary.get();
    }

    private static UploadBookRatingsRequest rating(String userId, String bookId) {
        return UploadBookRatingsRequest.newBuilder()
                .setUserId(userId)
                .setBookId(bookId)
                .setRating(1)
                .build();
    }
}
