package io.tickscope.server.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickscope.api.recommendation.v1.UploadBookRatingsRequest;
import io.tickscope.server.testing.ClusterScope;
import io.tickscope.server.testing.FreshPostgresDatabase;
import io.tickscope.server.testing.ReplicaProcesses;
import io.tickscope.server.testing.ServerProcess;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keyed rating uploads spread over three replica processes (one fresh PostgreSQL database, one NATS stream) while
 * one replica is killed with SIGKILL in the middle of an upload. Each client sends to its own replica; the one
 * whose replica dies sends everything it has no acknowledgement for again, with the same keys, to a survivor.
 * Counted in PostgreSQL afterwards: every rating acknowledged is stored (0 lost), each exactly once (0 duplicates:
 * every key names one row, and the summaries count each rating once, as stored or as already stored).
 */
class ReplicaKillRatingsTest {

    private static final int REPLICAS = 3;
    private static final int RATINGS_PER_CLIENT = 4_000;
    private static final int MAX_UPLOAD_SIZE = 400;
    private static final int VICTIM = 1;

    @TempDir
    Path directory;

    @RegisterExtension
    final ClusterScope cluster = new ClusterScope();

    @Test
    void killingAReplicaMidUploadLosesNoAcknowledgedRatingAndStoresNoneTwice() throws Exception {
        long startedAt = System.nanoTime();
        long seed = System.nanoTime();
        System.out.println("ReplicaKillRatingsTest seed: " + seed);
        Random random = new Random(seed);
        FreshPostgresDatabase database = FreshPostgresDatabase.create();
        cluster.add(database);
        List<ServerProcess> replicas = ReplicaProcesses.start(
                directory,
                REPLICAS,
                cluster.clusterName(),
                "--database",
                database.url(),
                "--tick-rate",
                "10",
                "--rate-limit",
                "0");
        cluster.addAll(replicas);
        Jdbi store = Jdbi.create(database.url());
        Map<String, Integer> expectedRatings = storedRatings(store);

        List<UploadBookRatingsRequest> plan =
                RatingPlan.distinct(random, RATINGS_PER_CLIENT * REPLICAS, "replica-kill-");
        List<KeyedRatingUploader> clients = new ArrayList<>();
        for (int client = 0; client < REPLICAS; client++) {
            clients.add(new KeyedRatingUploader(
                    plan.subList(client * RATINGS_PER_CLIENT, (client + 1) * RATINGS_PER_CLIENT),
                    new Random(random.nextLong()),
                    MAX_UPLOAD_SIZE));
        }
        List<URI> survivors = List.of(replicas.get(0).uri(), replicas.get(2).uri());
        List<CompletableFuture<Void>> uploads = new ArrayList<>();
        for (int client = 0; client < REPLICAS; client++) {
            KeyedRatingUploader uploader = clients.get(client);
            URI first = replicas.get(client).uri();
            uploads.add(CompletableFuture.runAsync(() -> {
                uploader.uploadUntilDoneOrFailed(first);
                // Its replica died: what it has no summary for goes again, same keys, to the survivors in turn.
                for (int attempt = 0; !uploader.isDone() && attempt < 10; attempt++) {
                    uploader.uploadUntilDoneOrFailed(survivors.get(attempt % survivors.size()));
                }
            }));
        }
        // Killed once its client has some ratings acknowledged and more on the way: mid-upload.
        KeyedRatingUploader victimsClient = clients.get(VICTIM);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(5))
                .until(() -> victimsClient.acknowledgedCount() > 0);
        int acknowledgedBeforeKill = victimsClient.acknowledgedCount();
        replicas.get(VICTIM).kill();
        CompletableFuture.allOf(uploads.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);

        System.out.printf(
                "ReplicaKillRatingsTest: %d ratings over %d replicas, replica %d killed after %d of its client's"
                        + " ratings were acknowledged; uploads cut short %s; %d accepted, %d already stored when"
                        + " resent; %d s in all%n",
                plan.size(),
                REPLICAS,
                VICTIM,
                acknowledgedBeforeKill,
                clients.stream().map(KeyedRatingUploader::failedUploads).toList(),
                clients.stream().mapToLong(KeyedRatingUploader::acceptedCount).sum(),
                clients.stream()
                        .mapToLong(KeyedRatingUploader::alreadyStoredCount)
                        .sum(),
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedAt));

        assertThat(clients).allSatisfy(client -> {
            assertThat(client.isDone()).as("every rating acknowledged").isTrue();
            assertThat(client.rejectedCount()).as("rejected").isZero();
        });
        assertThat(victimsClient.failedUploads())
                .as("uploads the kill cut short")
                .isPositive();
        assertThat(acknowledgedBeforeKill).isLessThan(RATINGS_PER_CLIENT);
        // Each rating counted once over every summary: stored by one upload, or already stored when resent.
        assertThat(clients.stream()
                        .mapToLong(client -> client.acceptedCount() + client.alreadyStoredCount())
                        .sum())
                .isEqualTo(plan.size());
        // In PostgreSQL: every key once, with its rating, and the ratings table is the seeded one plus the plan.
        assertThat(storedKeyRows(store)).isEqualTo(RatingPlan.keyRowsOf(plan));
        plan.forEach(rating -> expectedRatings.put(rating.getUserId() + "/" + rating.getBookId(), rating.getRating()));
        assertThat(storedRatings(store)).isEqualTo(expectedRatings);
    }

    /** Returns every rating, keyed {@code user/book}. */
    private static Map<String, Integer> storedRatings(Jdbi store) {
        return store.withHandle(
                handle -> handle.createQuery("SELECT user_id || '/' || book_id AS pair, stars FROM ratings")
                        .map((row, context) -> Map.entry(row.getString("pair"), row.getInt("stars")))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, HashMap::new)));
    }

    private static Map<String, String> storedKeyRows(Jdbi store) {
        return store.withHandle(
                handle -> handle.createQuery("SELECT idempotency_key, user_id || '/' || book_id || '/' || stars AS row"
                                + " FROM rating_idempotency_keys")
                        .map((row, context) -> Map.entry(row.getString("idempotency_key"), row.getString("row")))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }
}
