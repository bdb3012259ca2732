package io.tickscope.server.testing;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An empty database made for one test on a running PostgreSQL server, dropped by {@link #close()}. By default
 * the server is the machine's shared one, reached through {@value #URL_VARIABLE} (default {@value #DEFAULT_URL});
 * a test that stops its server uses a {@link PrivatePostgres} instead.
 *
 * <p>When the server does not answer, {@link #create()} fails the test with a message that says what to start:
 * tests that need PostgreSQL never skip.
 */
public final class FreshPostgresDatabase implements AutoCloseable {

    /** The environment variable with the JDBC URL of a database on the server, used to create and drop others. */
    public static final String URL_VARIABLE = "TICKSCOPE_TEST_POSTGRES_URL";

    /** The machine's PostgreSQL with trust authentication, as {@code .ci/run} starts it. */
    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

    private final String adminUrl;
    private final String name;
    private final String url;

    private FreshPostgresDatabase(String adminUrl, String name) {
        this.adminUrl = adminUrl;
        this.name = name;
        this.url = withDatabase(adminUrl, name);
    }

    /** Creates an empty database on the server that {@value #URL_VARIABLE} names. */
    public static FreshPostgresDatabase create() {
        String configured = System.getenv(URL_VARIABLE);
        return createOn(configured == null || configured.isBlank() ? DEFAULT_URL : configured);
    }

    /** Creates an empty database on the server of {@code adminUrl}, a URL of any database there. */
    public static FreshPostgresDatabase createOn(String adminUrl) {
        requireNonNull(adminUrl, "adminUrl");
        String name = "tickscope_test_"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        execute(adminUrl, "CREATE DATABASE " + name);
        return new FreshPostgresDatabase(adminUrl, name);
    }

    /** Returns the JDBC URL of this database, with the user and options of the server's URL. */
    public String url() {
        return url;
    }

    /** Returns the database's name. */
    public String name() {
        return name;
    }

    /** Drops the database, cutting any connection still open to it. */
    @Override
    public void close() {
        execute(adminUrl, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void execute(String adminUrl, String sql) {
        try (Connection connection = DriverManager.getConnection(adminUrl);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL at " + adminUrl + " refused \"" + sql + "\": " + e.getMessage()
                            + " (expected: a running PostgreSQL that lets this user create databases; start the"
                            + " machine's with .ci/run, or point " + URL_VARIABLE + " at one)",
                    e);
        }
    }

    /** Returns {@code url} with its database replaced by {@code database}, keeping host, port and options. */
    static String withDatabase(String url, String database) {
        String prefix = "jdbc:postgresql://";
        if (!url.startsWith(prefix)) {
            throw new IllegalArgumentException(
                    URL_VARIABLE + ": " + url + " (expected: " + prefix + "HOST:PORT/DB...)");
        }
        int pathStart = url.indexOf('/', prefix.length());
        int queryStart = url.indexOf('?', prefix.length());
        String hostPort = url.substring(0, pathStart < 0 ? (queryStart < 0 ? url.length() : queryStart) : pathStart);
        String query = queryStart < 0 ? "" : url.substring(queryStart);
        return hostPort + '/' + database + query;
    }
}
