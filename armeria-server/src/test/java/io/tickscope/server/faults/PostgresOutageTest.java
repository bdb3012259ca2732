package io.tickscope.server.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.linecorp.armeria.client.grpc.GrpcClients;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc.HealthBlockingStub;
import io.tickscope.api.recommendation.v1.RecommendRequest;
import io.tickscope.api.recommendation.v1.RecommendationServiceGrpc.RecommendationServiceBlockingStub;
import io.tickscope.api.recommendation.v1.RecommendationServiceGrpc.RecommendationServiceStub;
import io.tickscope.api.recommendation.v1.UploadBookRatingsRequest;
import io.tickscope.api.recommendation.v1.UploadBookRatingsResponse;
import io.tickscope.server.ServerSettings;
import io.tickscope.server.TickscopeServer;
import io.tickscope.server.testing.PrivatePostgres;
import io.tickscope.server.testing.ResponseFuture;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server on a PostgreSQL of the test's own that is stopped and started again: health says NOT_SERVING while
 * the database is away and SERVING once it is back, without a restart of the server, and every acknowledged
 * rating is still stored.
 */
class PostgresOutageTest {

    // The follower notices within its 0.5 s heartbeat and health re-reads every 0.5 s; the rest is margin.
    private static final Duration NOTICE_BOUND = Duration.ofSeconds(5);
    // Reconnects are tried every 0.5 s; after one, every book is reloaded before SERVING.
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(10);

    @TempDir
    Path dataDirectory;

    private PrivatePostgres postgres;
    private TickscopeServer server;

    @BeforeEach
    void startServerOnPrivatePostgres() {
        postgres = PrivatePostgres.start();
        server = TickscopeServer.start(new ServerSettings("127.0.0.1", 0, dataDirectory, 0, 42, Duration.ofSeconds(1))
                .withDatabaseUrl(postgres.adminUrl()));
    }

    @AfterEach
    void stop() {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            postgres.close();
        }
    }

    @Test
    void healthFollowsTheDatabaseAndNothingAcknowledgedIsLost() {
        assertThat(health()).isEqualTo(ServingStatus.SERVING);
        List<UploadBookRatingsRequest> before = ratings("before", 1, 50);
        UploadBookRatingsResponse acknowledged = upload(before);
        assertThat(acknowledged.getAcceptedCount()).isEqualTo(50);

        postgres.stopServer();

        awaitHealth(ServingStatus.NOT_SERVING, NOTICE_BOUND);
        List<UploadBookRatingsRequest> during = ratings("during", 51, 20);
        assertThatThrownBy(() -> upload(during))
                .satisfies(e -> assertThat(Status.fromThrowable(e).getCode()).isEqualTo(Status.Code.UNAVAILABLE));
        assertThatThrownBy(this::recommend)
                .satisfies(e -> assertThat(Status.fromThrowable(e).getCode()).isEqualTo(Status.Code.UNAVAILABLE));

        postgres.startServer();

        awaitHealth(ServingStatus.SERVING, RECOVERY_BOUND);
        assertThat(recommend()).isPositive();
        // The client resends what failed, with the same keys: stored now, once.
        assertThat(upload(during).getAcceptedCount()).isEqualTo(20);
        assertThat(upload(before).getAlreadyStoredCount()).isEqualTo(50);

        Map<String, Integer> storedStarsByKey = Jdbi.create(postgres.adminUrl())
                .withHandle(handle -> handle.createQuery("SELECT idempotency_key, stars FROM rating_idempotency_keys")
                        .map((row, context) -> Map.entry(row.getString(1), row.getInt(2)))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        Map<String, Integer> sent = new HashMap<>();
        for (UploadBookRatingsRequest rating : before) {
            sent.put(rating.getIdempotencyKey(), rating.getRating());
        }
        for (UploadBookRatingsRequest rating : during) {
            sent.put(rating.getIdempotencyKey(), rating.getRating());
        }
        assertThat(storedStarsByKey).isEqualTo(sent);
    }

    /** Returns {@code count} keyed ratings by users from {@code firstUser} on, each of a different book. */
    private static List<UploadBookRatingsRequest> ratings(String keyPrefix, int firstUser, int count) {
        List<UploadBookRatingsRequest> ratings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int user = firstUser + i;
            ratings.add(UploadBookRatingsRequest.newBuilder()
                    .setUserId(String.format(Locale.ROOT, "U%04d", user))
                    .setBookId(String.format(Locale.ROOT, "B%04d", 1 + (user * 37) % 2_000))
                    .setRating(1 + user % 5)
                    .setIdempotencyKey(keyPrefix + '-' + i)
                    .build());
        }
        return ratings;
    }

    private ServingStatus health() {
        return GrpcClients.newClient(uri(), HealthBlockingStub.class)
                .withDeadlineAfter(5, TimeUnit.SECONDS)
                .check(HealthCheckRequest.getDefaultInstance())
                .getStatus();
    }

    private void awaitHealth(ServingStatus expected, Duration bound) {
        long startNanos = System.nanoTime();
        while (health() != expected) {
            assertThat(Duration.ofNanos(System.nanoTime() - startNanos))
                    .as("time until health is " + expected)
                    .isLessThanOrEqualTo(bound);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    private int recommend() {
        return GrpcClients.newClient(uri(), RecommendationServiceBlockingStub.class)
                .withDeadlineAfter(10, TimeUnit.SECONDS)
                .recommend(RecommendRequest.newBuilder()
                        .setUserId("U0001")
                        .setMaxResults(5)
                        .build())
                .getRecommendationsCount();
    }

    private UploadBookRatingsResponse upload(List<UploadBookRatingsRequest> ratings) {
        RecommendationServiceStub stub = GrpcClients.newClient(uri(), RecommendationServiceStub.class);
        try {
            return ResponseFuture.sendAll(stub.withDeadlineAfter(30, TimeUnit.SECONDS)::uploadBookRatings, ratings);
        } catch (Exception e) {
            throw new IllegalStateException("upload failed", e);
        }
    }

    private URI uri() {
        return URI.create("http://127.0.0.1:" + server.port());
    }
}
