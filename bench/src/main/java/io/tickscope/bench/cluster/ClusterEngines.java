package io.tickscope.bench.cluster;

import static java.util.Objects.requireNonNull;

import java.net.URI;

/**
 * Where the engines a cluster runs on answer: NATS with JetStream, and PostgreSQL (a server URL whose database is
 * one to create others from, such as {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}).
 */
record ClusterEngines(String natsUrl, String postgresAdminUrl) {

    private static final String JDBC_PREFIX = "jdbc:";

    ClusterEngines {
        requireNonNull(natsUrl, "natsUrl");
        requireNonNull(postgresAdminUrl, "postgresAdminUrl");
        if (!postgresAdminUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException(
                    "--postgres " + postgresAdminUrl + " (expected: jdbc:postgresql://HOST:PORT/DATABASE?user=NAME)");
        }
    }

    /** Returns the URL of database {@code name} on the same server, with the same parameters. */
    String databaseUrl(String name) {
        URI admin = URI.create(postgresAdminUrl.substring(JDBC_PREFIX.length()));
        String query = admin.getRawQuery() == null ? "" : "?" + admin.getRawQuery();
        return JDBC_PREFIX + admin.getScheme() + "://" + admin.getRawAuthority() + "/" + name + query;
    }
}
