package io.tickscope.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.linecorp.armeria.client.grpc.GrpcClients;
import io.tickscope.api.recommendation.v1.Book;
import io.tickscope.api.recommendation.v1.BookCategory;
import io.tickscope.api.recommendation.v1.GetBookRequest;
import io.tickscope.api.recommendation.v1.RecommendRequest;
import io.tickscope.api.recommendation.v1.Recommendation;
import io.tickscope.api.recommendation.v1.RecommendationServiceGrpc.RecommendationServiceBlockingStub;
import io.tickscope.api.recommendation.v1.RecommendationServiceGrpc.RecommendationServiceStub;
import io.tickscope.api.recommendation.v1.UploadBookRatingsRequest;
import io.tickscope.api.recommendation.v1.UploadBookRatingsResponse;
import io.tickscope.server.testing.FreshPostgresDatabase;
import io.tickscope.server.testing.ResponseFuture;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two servers on one PostgreSQL database, as replicas of a cluster: a rating uploaded to one shows in what the
 * other recommends within {@link #PROPAGATION_BOUND}, and an idempotency key holds across them.
 */
class ReplicaRatingsTest {

    /** The bound docs/architecture.md states: a commit's NOTIFY arrives in milliseconds; this leaves margin. */
    private static final Duration PROPAGATION_BOUND = Duration.ofSeconds(2);

    private static final String VIEWER = "U1000";

    @TempDir
    Path temporary;

    private FreshPostgresDatabase database;
    private TickscopeServer replicaA;
    private TickscopeServer replicaB;

    @BeforeEach
    void startTwoReplicas() {
        database = FreshPostgresDatabase.create();
        replicaA = TickscopeServer.start(settings("a"));
        replicaB = TickscopeServer.start(settings("b"));
    }

    @AfterEach
    void stopReplicas() {
        try {
            if (replicaA != null) {
                replicaA.close();
            }
            if (replicaB != null) {
                replicaB.close();
            }
        } finally {
            database.close();
        }
    }

    @Test
    void ratingsUploadedToOneReplicaShowInTheOthersRecommendationsWithinTheBound() {
        RecommendationServiceBlockingStub onB = blockingStub(replicaB);
        List<Recommendation> shelf = recommend(onB, 100);
        // The viewer's least recommended book of the top 100: one they have not rated, far from the top.
        int lastPlace = shelf.size() - 1;
        String underdog = shelf.get(lastPlace).getBook().getBookId();

        List<UploadBookRatingsRequest> fiveStars = new ArrayList<>();
        for (int user = 1; user <= 300; user++) {
            fiveStars.add(UploadBookRatingsRequest.newBuilder()
                    .setUserId(String.format(Locale.ROOT, "U%04d", user))
                    .setBookId(underdog)
                    .setRating(5)
                    .build());
        }
        UploadBookRatingsResponse summary = upload(replicaA, fiveStars);
        long acknowledgedNanos = System.nanoTime();
        assertThat(summary.getAcceptedCount()).isEqualTo(300);
        // Replica A updated its own catalogue before it answered.
        Book stored = book(blockingStub(replicaA), underdog);
        assertThat(stored.getAverageRating()).isGreaterThan(4.5);

        awaitWithin(
                PROPAGATION_BOUND,
                () -> recommend(onB, 100).stream().map(Recommendation::getBook).anyMatch(book -> book.equals(stored)),
                acknowledgedNanos);
        List<String> ranked = recommend(onB, 100).stream()
                .map(recommendation -> recommendation.getBook().getBookId())
                .toList();
        assertThat(ranked.indexOf(underdog))
                .as("rank on B after 300 five-star ratings")
                .isBetween(0, lastPlace - 1);
    }

    @Test
    void aKeyedRatingRetriedOnTheOtherReplicaIsStoredOnce() {
        RecommendationServiceBlockingStub onA = blockingStub(replicaA);
        String bookId = recommend(onA, 1).get(0).getBook().getBookId();
        long countBefore = ratingCount(onA, bookId);
        UploadBookRatingsRequest rating = UploadBookRatingsRequest.newBuilder()
                .setUserId(VIEWER)
                .setBookId(bookId)
                .setRating(4)
                .setIdempotencyKey("retried-across-replicas")
                .build();

        UploadBookRatingsResponse first = upload(replicaA, List.of(rating));
        // The client never saw that summary, say, and resends to the other replica.
        UploadBookRatingsResponse retried =
                upload(replicaB, List.of(rating.toBuilder().setRating(1).build()));

        assertThat(first.getAcceptedCount()).isEqualTo(1);
        assertThat(first.getAlreadyStoredCount()).isZero();
        assertThat(retried.getAlreadyStoredCount()).isEqualTo(1);
        long acknowledgedNanos = System.nanoTime();
        RecommendationServiceBlockingStub onB = blockingStub(replicaB);
        awaitWithin(PROPAGATION_BOUND, () -> ratingCount(onB, bookId) == countBefore + 1, acknowledgedNanos);
        assertThat(ratingCount(onA, bookId)).isEqualTo(countBefore + 1);
        assertThat(ratingCount(onB, bookId)).isEqualTo(countBefore + 1);
    }

    private ServerSettings settings(String replica) {
        return new ServerSettings("127.0.0.1", 0, temporary.resolve(replica), 0, 42, Duration.ofSeconds(1))
                .withDatabaseUrl(database.url());
    }

    private static List<Recommendation> recommend(RecommendationServiceBlockingStub stub, int maxResults) {
        return stub.withDeadlineAfter(10, TimeUnit.SECONDS)
                .recommend(RecommendRequest.newBuilder()
                        .setUserId(VIEWER)
                        .setCategory(BookCategory.BOOK_CATEGORY_MYSTERY)
                        .setMaxResults(maxResults)
                        .build())
                .getRecommendationsList();
    }

    private static long ratingCount(RecommendationServiceBlockingStub stub, String bookId) {
        return book(stub, bookId).getRatingCount();
    }

    private static Book book(RecommendationServiceBlockingStub stub, String bookId) {
        return stub.withDeadlineAfter(10, TimeUnit.SECONDS)
                .getBook(GetBookRequest.newBuilder().setBookId(bookId).build())
                .getBook();
    }

    private static UploadBookRatingsResponse upload(TickscopeServer server, List<UploadBookRatingsRequest> ratings) {
        RecommendationServiceStub stub = GrpcClients.newClient(uri(server), RecommendationServiceStub.class);
        try {
            return ResponseFuture.sendAll(stub.withDeadlineAfter(30, TimeUnit.SECONDS)::uploadBookRatings, ratings);
        } catch (Exception e) {
            throw new AssertionError("upload to " + uri(server) + " failed", e);
        }
    }

    /** Polls {@code condition} until it holds; fails once {@code bound} has passed since {@code sinceNanos}. */
    private static void awaitWithin(Duration bound, BooleanSupplier condition, long sinceNanos) {
        while (!condition.getAsBoolean()) {
            Duration waited = Duration.ofNanos(System.nanoTime() - sinceNanos);
            assertThat(waited)
                    .as("time for the other replica to see the change")
                    .isLessThanOrEqualTo(bound);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    private static RecommendationServiceBlockingStub blockingStub(TickscopeServer server) {
        return GrpcClients.newClient(uri(server), RecommendationServiceBlockingStub.class);
    }

    private static URI uri(TickscopeServer server) {
        return URI.create("http://127.0.0.1:" + server.port());
    }
}
