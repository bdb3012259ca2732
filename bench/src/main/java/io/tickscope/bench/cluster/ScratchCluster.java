package io.tickscope.bench.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What one scenario's servers share and leave behind: a PostgreSQL database and a cluster name (and with it a
 * JetStream stream and lease bucket) of their own, a directory for data and logs, and the servers launched. Close
 * kills the servers and drops the database; the logs stay for a look after a surprising figure.
 */
final class ScratchCluster implements AutoCloseable {

    private final ClusterEngines engines;
    private final String name;
    private final Path directory;
    private final List<ServerLaunch> servers = new ArrayList<>();

    private ScratchCluster(ClusterEngines engines, String name, Path directory) {
        this.engines = engines;
        this.name = name;
        this.directory = directory;
    }

    /** Creates a database named after {@code scenario} and a random suffix on the engines' PostgreSQL. */
    static ScratchCluster create(ClusterEngines engines, String scenario) {
        String name = "bench_" + scenario + "_"
                + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36)
                        .toLowerCase(Locale.ROOT);
        try (Connection admin = DriverManager.getConnection(engines.postgresAdminUrl());
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
            return new ScratchCluster(engines, name, Files.createTempDirectory("tickscope-" + name));
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot create database " + name + " on " + engines.postgresAdminUrl()
                            + " (is PostgreSQL running? bash .ci/run starts it)",
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Launches replica {@code replicaId} of this cluster, with {@code flags} added. */
    ServerLaunch startReplica(String replicaId, String... flags) {
        List<String> arguments = new ArrayList<>(List.of(
                "--database",
                engines.databaseUrl(name),
                "--broker",
                engines.natsUrl(),
                "--cluster-name",
                name,
                "--replica-id",
                replicaId));
        arguments.addAll(List.of(flags));
        return track(ServerLaunch.start(replicaId, directory, arguments.toArray(String[]::new)));
    }

    /** Launches one server alone, on its embedded SQLite database and in-process bus: the baseline. */
    ServerLaunch startEmbedded(String serverName, String... flags) {
        return track(ServerLaunch.start(serverName, directory, flags));
    }

    Path logDirectory() {
        return directory;
    }

    @Override
    public void close() {
        servers.forEach(ServerLaunch::close);
        try (Connection admin = DriverManager.getConnection(engines.postgresAdminUrl());
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.printf("could not drop database %s: %s%n", name, e.getMessage());
        }
    }

    private ServerLaunch track(ServerLaunch server) {
        servers.add(server);
        return server;
    }
}
