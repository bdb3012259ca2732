package io.tickscope.desktop.connection;

import io.tickscope.server.ServerSettings;
import io.tickscope.server.TickscopeServer;
import io.tickscope.server.testing.Directories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * Replicas of one Tickscope server: real servers on loopback ports, each over a database of its own made from the
 * same seed, so that they quote the same prices. One can stop and start again on its port, or drain (say
 * NOT_SERVING in grpc.health.v1 while it still serves).
 */
final class Replicas implements AutoCloseable {

    private final List<Path> dataDirectories;
    private final List<Integer> ports = new ArrayList<>();
    private final List<@Nullable TickscopeServer> running = new ArrayList<>();

    private Replicas(int count) {
        dataDirectories =
                IntStream.range(0, count).mapToObj(index -> newDirectory()).toList();
        for (Path directory : dataDirectories) {
            TickscopeServer server = TickscopeServer.start(settings(0, directory));
            ports.add(server.port());
            running.add(server);
        }
    }

    static Replicas start(int count) {
        return new Replicas(count);
    }

    /** Every replica, as {@code --server} takes them. */
    ServerTarget target() {
        return new ServerTarget(
                ports.stream().map(port -> new ServerAddress("127.0.0.1", port)).toList(),
                ServerTarget.Scheme.UNSPECIFIED);
    }

    int port(int replica) {
        return ports.get(replica);
    }

    /** Returns which replica listens on {@code port}. */
    int replicaOn(int port) {
        int replica = ports.indexOf(port);
        if (replica < 0) {
            throw new IllegalArgumentException("port: " + port + " (expected: one of " + ports + ")");
        }
        return replica;
    }

    /** Stops {@code replica} the way SIGTERM does: streams end with UNAVAILABLE, the port closes. */
    synchronized void stop(int replica) {
        TickscopeServer server = running.set(replica, null);
        if (server != null) {
            server.close();
        }
    }

    /** Says NOT_SERVING ({@code false}) or SERVING in {@code replica}'s health service; calls are still served. */
    synchronized void setServing(int replica, boolean serving) {
        TickscopeServer server = running.get(replica);
        if (server == null) {
            throw new IllegalStateException("replica " + replica + " is stopped");
        }
        server.setServing(serving);
    }

    /** Starts stopped replicas again on their ports and makes every one serving, so that tests start alike. */
    synchronized void reset() {
        for (int replica = 0; replica < running.size(); replica++) {
            TickscopeServer server = running.get(replica);
            if (server == null) {
                running.set(replica, TickscopeServer.start(settings(ports.get(replica), dataDirectories.get(replica))));
            } else {
                server.setServing(true);
            }
        }
    }

    @Override
    public synchronized void close() {
        for (int replica = 0; replica < running.size(); replica++) {
            stop(replica);
        }
        dataDirectories.forEach(Directories::deleteRecursively);
    }

    private static ServerSettings settings(int port, Path dataDirectory) {
        return new ServerSettings("127.0.0.1", port, dataDirectory, 0, 42, Duration.ofSeconds(1));
    }

    private static Path newDirectory() {
        try {
            return Files.createTempDirectory("tickscope-replica");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
