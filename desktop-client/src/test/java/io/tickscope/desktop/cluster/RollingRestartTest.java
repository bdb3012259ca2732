package io.tickscope.desktop.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.ManagedChannel;
import io.tickscope.api.pricing.v1.WatchPricesRequest;
import io.tickscope.desktop.connection.ChannelSecurity;
import io.tickscope.desktop.connection.Channels;
import io.tickscope.desktop.connection.ConnectionMonitor;
import io.tickscope.desktop.connection.ServerTarget;
import io.tickscope.server.testing.ClusterScope;
import io.tickscope.server.testing.FailoverWatcher;
import io.tickscope.server.testing.FreshPostgresDatabase;
import io.tickscope.server.testing.ReplicaProcesses;
import io.tickscope.server.testing.ServerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rolling restart, as docs/deploy.md tells an operator to do it: three replica processes (the real launcher, one
 * PostgreSQL database, one NATS stream) are stopped with SIGTERM and started again one at a time, each only once
 * the clients use the one before it again. Three desktop clients, each with the monitor's one channel (round robin
 * over the replicas with gRPC health checking, its connection monitor), watch prices and make unary calls without
 * pause throughout. A replica drains before it stops (NOT_SERVING for its default --drain-period), so no unary
 * call fails, and every watch moves to another replica with no duplicate and no resync, checked from sequence
 * numbers.
 */
class RollingRestartTest {

    private static final int REPLICAS = 3;
    private static final int CLIENTS = 3;
    private static final int WATCHERS_PER_CLIENT = 30;
    private static final int UNARY_LOOPS_PER_CLIENT = 2;
    private static final List<String> PRODUCTS = IntStream.rangeClosed(1, 100)
            .mapToObj(i -> String.format("P%05d", i))
            .toList();
    private static final Duration MAX_WATCH_RESUME = Duration.ofSeconds(2);

    @TempDir
    Path directory;

    @RegisterExtension
    final ClusterScope cluster = new ClusterScope();

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    /** Runs before the cluster scope closes what the test opened. */
    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    @Test
    void restartingEveryReplicaInTurnFailsNoCallAndDuplicatesNoUpdate() throws Exception {
        long startedAt = System.nanoTime();
        FreshPostgresDatabase database = FreshPostgresDatabase.create();
        cluster.add(database);
        List<ServerProcess> replicas = new ArrayList<>(ReplicaProcesses.start(
                directory,
                REPLICAS,
                cluster.clusterName(),
                "--database",
                database.url(),
                "--tick-rate",
                "300",
                "--rate-limit",
                "0"));
        cluster.addAll(replicas);
        ServerTarget target = ServerTarget.parse(
                replicas.stream().map(replica -> "127.0.0.1:" + replica.port()).collect(Collectors.joining(",")));

        List<UnaryLoad> loads = new ArrayList<>();
        List<FailoverWatcher> watchers = new ArrayList<>();
        WatchPricesRequest request =
                WatchPricesRequest.newBuilder().addAllProductIds(PRODUCTS).build();
        for (int client = 0; client < CLIENTS; client++) {
            ManagedChannel channel = Channels.open(target, ChannelSecurity.plaintext());
            cluster.add(() -> channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS));
            ConnectionMonitor.start(channel, scheduler);
            // Every replica in this client's rotation before the load starts, as after any restart below.
            UnaryLoad load = new UnaryLoad(channel, PRODUCTS, UNARY_LOOPS_PER_CLIENT);
            cluster.add(load);
            loads.add(load);
            for (int watcher = 0; watcher < WATCHERS_PER_CLIENT; watcher++) {
                FailoverWatcher watch = new FailoverWatcher(List.of(channel), 0, request);
                cluster.add(watch);
                watchers.add(watch);
                watch.start();
            }
        }
        awaitInEveryRotation(loads, replicas, startedAt);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> watchers.stream().allMatch(w -> w.report().updates() > PRODUCTS.size() + 5));

        List<String> restarts = new ArrayList<>();
        for (int replica = 0; replica < REPLICAS; replica++) {
            long stoppingAt = System.nanoTime();
            int exitCode = replicas.get(replica).stop();
            assertThat(exitCode)
                    .as("exit code of a replica stopped with SIGTERM")
                    .isEqualTo(143);
            long stoppedAt = System.nanoTime();
            ServerProcess restarted =
                    replicas.get(replica).startAgain(ReplicaProcesses.replicaId(replica) + "-restarted");
            cluster.add(restarted);
            replicas.set(replica, restarted);
            long readyAt = System.nanoTime();
            awaitInEveryRotation(loads, List.of(restarted), stoppingAt);
            restarts.add(String.format(
                    "r%d: stop %d ms, start %d ms, back in every rotation %d ms",
                    replica,
                    TimeUnit.NANOSECONDS.toMillis(stoppedAt - stoppingAt),
                    TimeUnit.NANOSECONDS.toMillis(readyAt - stoppedAt),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - readyAt)));
        }
        long updatesAfterRestarts = totalUpdates(watchers);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> totalUpdates(watchers) > updatesAfterRestarts + (long) watchers.size() * 3);

        List<FailoverWatcher.Report> reports =
                watchers.stream().map(FailoverWatcher::report).toList();
        long longestResume = reports.stream()
                .mapToLong(FailoverWatcher.Report::longestResumeNanos)
                .max()
                .orElse(0);
        long succeeded = loads.stream().mapToLong(UnaryLoad::succeeded).sum();
        List<String> failures = loads.stream()
                .flatMap(load -> load.failures().stream())
                .map(status -> status.getCode() + ": " + status.getDescription())
                .toList();
        System.out.printf(
                "RollingRestartTest: %d unary calls succeeded, %d failed; %d watchers, %d updates, %d streams moved,"
                        + " longest watch resume %d ms; duplicates %d, resyncs %d, snapshots behind %d; restarts"
                        + " %s; %d s in all%n",
                succeeded,
                failures.size(),
                watchers.size(),
                totalUpdates(watchers),
                reports.stream()
                        .mapToLong(FailoverWatcher.Report::streamsBroken)
                        .sum(),
                TimeUnit.NANOSECONDS.toMillis(longestResume),
                reports.stream().mapToLong(FailoverWatcher.Report::duplicates).sum(),
                reports.stream().mapToLong(FailoverWatcher.Report::resyncs).sum(),
                reports.stream()
                        .mapToLong(FailoverWatcher.Report::snapshotsBehind)
                        .sum(),
                restarts,
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedAt));

        assertThat(failures).as("failed unary calls").isEmpty();
        assertThat(succeeded).as("unary calls made").isGreaterThan(1_000);
        assertThat(reports).allSatisfy(report -> {
            assertThat(report.duplicates()).as("duplicates").isZero();
            assertThat(report.resyncs())
                    .as("resyncs: every replica reports the same incarnation")
                    .isZero();
            // Every replica restarted, so every watch was on one when it stopped and moved at least once.
            assertThat(report.streamsBroken()).as("streams moved").isPositive();
            assertThat(report.waiting()).as("a watcher without a stream").isFalse();
        });
        assertThat(Duration.ofNanos(longestResume)).isLessThanOrEqualTo(MAX_WATCH_RESUME);
    }

    /** Waits until every client's calls reach each of {@code replicas} again, counting calls after {@code since}. */
    private static void awaitInEveryRotation(List<UnaryLoad> loads, List<ServerProcess> replicas, long sinceNanos) {
        await().atMost(Duration.ofSeconds(30)).until(() -> loads.stream()
                .allMatch(load -> replicas.stream().allMatch(replica -> load.answeredBy(replica.port(), sinceNanos))));
    }

    private static long totalUpdates(List<FailoverWatcher> watchers) {
        return watchers.stream().mapToLong(w -> w.report().updates()).sum();
    }
}
