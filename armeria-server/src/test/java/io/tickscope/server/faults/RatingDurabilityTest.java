package io.tickscope.server.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.linecorp.armeria.client.grpc.GrpcClients;
import io.tickscope.api.recommendation.v1.Book;
import io.tickscope.api.recommendation.v1.ListBooksRequest;
import io.tickscope.api.recommendation.v1.RecommendationServiceGrpc.RecommendationServiceBlockingStub;
import io.tickscope.api.recommendation.v1.UploadBookRatingsRequest;
import io.tickscope.server.ServerSettings;
import io.tickscope.server.store.Database;
import io.tickscope.server.testing.ServerProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash durability of rating uploads: a client streams keyed ratings while the server is killed with SIGKILL
 * at random moments and restarted on the same data directory; the client sends again only what was not
 * acknowledged. No acknowledged rating may be lost, none stored twice, and the database must stay sound.
 *
 * <p>The kill moments, upload sizes and ratings come from one seeded {@link Random}: the seed is printed, and
 * {@code -Dtickscope.durability.seed=N} replays a run.
 */
class RatingDurabilityTest {

    private static final int KILLED_RUNS = 10;
    private static final int PLANNED_RATINGS = 20_000;
    private static final int MAX_UPLOAD_SIZE = 1_200;
    private static final int MIN_MILLIS_BEFORE_KILL = 200;
    private static final int MAX_MILLIS_BEFORE_KILL = 2_000;
    private static final String KEY_PREFIX = "durability-";

    @TempDir
    Path dataDirectory;

    @TempDir
    Path logDirectory;

    private final ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopKiller() {
        killer.shutdownNow();
    }

    @Test
    void noAcknowledgedRatingIsLostOrStoredTwiceAcrossKills() {
        long seed = Long.getLong("tickscope.durability.seed", System.nanoTime());
        System.out.println(
                "RatingDurabilityTest seed: " + seed + " (replay with -Dtickscope.durability.seed=" + seed + ")");
        Random random = new Random(seed);

        // Seeded here, as the server's first start would, to skip one process start; it is the baseline.
        Database.open(dataDirectory, ServerSettings.DEFAULT_SEED).close();
        Map<UserBook, Integer> expectedRatings = storedRatings();
        List<UploadBookRatingsRequest> plan = RatingPlan.distinct(random, PLANNED_RATINGS, KEY_PREFIX);
        KeyedRatingUploader uploader = new KeyedRatingUploader(plan, random, MAX_UPLOAD_SIZE);

        List<String> killPoints = new ArrayList<>();
        for (int run = 0; run < KILLED_RUNS; run++) {
            ServerProcess server =
                    ServerProcess.start("run-" + run, dataDirectory, 0, logDirectory, "--tick-rate", "100");
            int delayMillis = MIN_MILLIS_BEFORE_KILL + random.nextInt(MAX_MILLIS_BEFORE_KILL - MIN_MILLIS_BEFORE_KILL);
            int acknowledgedBefore = uploader.acknowledged().size();
            killer.schedule(server::kill, delayMillis, TimeUnit.MILLISECONDS);
            uploader.uploadUntilDoneOrFailed(server.uri());
            server.close();
            killPoints.add(delayMillis + " ms (+" + (uploader.acknowledged().size() - acknowledgedBefore) + " acked)");

            assertThat(integrityCheck()).as("integrity after kill %d", run).isEqualTo("ok");
            assertThat(storedKeys()).as("keys stored after kill %d", run).containsAll(keysOf(uploader.acknowledged()));
        }
        try (ServerProcess last = ServerProcess.start("last", dataDirectory, 0, logDirectory)) {
            uploader.uploadUntilDoneOrFailed(last.uri());
            assertThat(uploader.isDone()).isTrue();
            plan.forEach(rating ->
                    expectedRatings.put(new UserBook(rating.getUserId(), rating.getBookId()), rating.getRating()));
            // What the running server serves, from memory, matches a recomputation from the expected ratings.
            assertThat(servedAggregates(last)).isEqualTo(aggregatesOf(expectedRatings));
            assertThat(last.stop()).isEqualTo(143);
        }
        System.out.printf(
                "RatingDurabilityTest: %d ratings, kills after %s; %d uploads cut short, %d ratings accepted,"
                        + " %d already stored when resent%n",
                plan.size(),
                killPoints,
                uploader.failedUploads(),
                uploader.acceptedCount(),
                uploader.alreadyStoredCount());

        assertThat(integrityCheck()).isEqualTo("ok");
        assertThat(uploader.rejectedCount()).isZero();
        // Every rating acknowledged once, counted as stored by that upload or as already stored by an upload
        // that was cut short after committing it; never counted as stored twice.
        assertThat(uploader.acceptedCount() + uploader.alreadyStoredCount()).isEqualTo(plan.size());
        assertThat(storedKeyRows()).isEqualTo(RatingPlan.keyRowsOf(plan));
        assertThat(storedRatings()).isEqualTo(expectedRatings);
        assertThat(storedAggregates()).isEqualTo(aggregatesOf(expectedRatings));
    }

    private static Set<String> keysOf(List<UploadBookRatingsRequest> ratings) {
        return ratings.stream().map(UploadBookRatingsRequest::getIdempotencyKey).collect(Collectors.toSet());
    }

    private static Map<String, Aggregate> aggregatesOf(Map<UserBook, Integer> ratings) {
        Map<String, Aggregate> aggregates = new HashMap<>();
        ratings.forEach((pair, stars) -> aggregates.merge(pair.bookId(), new Aggregate(1, stars), Aggregate::plus));
        return aggregates;
    }

    private static Map<String, Aggregate> servedAggregates(ServerProcess server) {
        Map<String, Aggregate> aggregates = new HashMap<>();
        GrpcClients.newClient(server.uri(), RecommendationServiceBlockingStub.class)
                .listBooks(ListBooksRequest.getDefaultInstance())
                .forEachRemaining(response -> {
                    Book book = response.getBook();
                    if (book.getRatingCount() > 0) {
                        aggregates.put(
                                book.getBookId(),
                                new Aggregate(
                                        book.getRatingCount(),
                                        Math.round(book.getAverageRating() * book.getRatingCount())));
                    }
                });
        return aggregates;
    }

    private String integrityCheck() {
        return database().withHandle(handle -> handle.createQuery("PRAGMA integrity_check")
                .mapTo(String.class)
                .one());
    }

    private Set<String> storedKeys() {
        return Set.copyOf(storedKeyRows().keySet());
    }

    private Map<String, String> storedKeyRows() {
        return database().withHandle(handle -> handle.createQuery(
                        "SELECT idempotency_key, user_id || '/' || book_id || '/' || stars AS row"
                                + " FROM rating_idempotency_keys")
                .map((row, context) -> Map.entry(row.getString("idempotency_key"), row.getString("row")))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    private Map<UserBook, Integer> storedRatings() {
        return database().withHandle(handle -> handle.createQuery("SELECT user_id, book_id, stars FROM ratings")
                .map((row, context) -> Map.entry(
                        new UserBook(row.getString("user_id"), row.getString("book_id")), row.getInt("stars")))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, HashMap::new)));
    }

    private Map<String, Aggregate> storedAggregates() {
        return database().withHandle(handle -> handle.createQuery(
                        "SELECT book_id, count(*) AS n, sum(stars) AS total FROM ratings GROUP BY book_id")
                .map((row, context) ->
                        Map.entry(row.getString("book_id"), new Aggregate(row.getLong("n"), row.getLong("total"))))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    /** Opens the server's database file directly; the server is not running whenever this is called. */
    private Jdbi database() {
        return Jdbi.create("jdbc:sqlite:" + dataDirectory.resolve("tickscope.db"));
    }

    private record UserBook(String userId, String bookId) {}

    private record Aggregate(long count, long sum) {

        Aggregate plus(Aggregate other) {
            return new Aggregate(count + other.count, sum + other.sum);
        }
    }
}
