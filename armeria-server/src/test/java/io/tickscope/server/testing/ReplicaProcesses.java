package io.tickscope.server.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Replicas of one cluster on the machine's NATS as separate processes (the real launcher), started side by side. */
public final class ReplicaProcesses {

    private ReplicaProcesses() {}

    /** Returns the replica id of replica {@code index}: r0, r1... */
    public static String replicaId(int index) {
        return "r" + index;
    }

    /**
     * Starts {@code count} replicas of cluster {@code clusterName} on free loopback ports, each with its data
     * directory under {@code directory} and its logs in it, with {@code flags} added, and returns them once every
     * one serves. If one fails to start, the others are killed.
     */
    public static List<ServerProcess> start(Path directory, int count, String clusterName, String... flags)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<CompletableFuture<ServerProcess>> starting = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = replicaId(i);
            List<String> arguments = new ArrayList<>(
                    List.of("--broker", NatsClusters.SHARED_NATS, "--cluster-name", clusterName, "--replica-id", id));
            arguments.addAll(List.of(flags));
            starting.add(CompletableFuture.supplyAsync(() ->
                    ServerProcess.start(id, directory.resolve(id), 0, directory, arguments.toArray(String[]::new))));
        }
        List<ServerProcess> replicas = new ArrayList<>();
        try {
            for (CompletableFuture<ServerProcess> replica : starting) {
                replicas.add(replica.get(120, TimeUnit.SECONDS));
            }
            return replicas;
        } catch (InterruptedException | ExecutionException | TimeoutException | RuntimeException e) {
            replicas.forEach(ServerProcess::close);
            starting.forEach(replica -> replica.thenAccept(ServerProcess::close));
            throw e;
        }
    }
}
