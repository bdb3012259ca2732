package io.tickscope.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL 15 server of a test's own, in a temporary directory on a free loopback port, that the test may
 * stop and start again: never the machine's shared server, which other tests and CI use at the same time.
 *
 * <p>PostgreSQL's programs refuse to run as root, so when the tests run as root the server runs as the
 * {@code postgres} user ({@code runuser -u postgres --}) in a directory that user owns. Authentication is trust,
 * for the user {@code postgres}, on 127.0.0.1 only.
 */
public final class PrivatePostgres implements AutoCloseable {

    private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    private static final String SERVER_USER = "postgres";
    private static final long COMMAND_TIMEOUT_SECONDS = 60;

    private final Path directory;
    private final Path dataDirectory;
    private final int port;

    private PrivatePostgres(Path directory, int port) {
        this.directory = directory;
        this.dataDirectory = directory.resolve("data");
        this.port = port;
    }

    /** Creates a cluster in a new temporary directory and starts it on a free port. */
    public static PrivatePostgres start() {
        Path directory;
        try {
            directory = Files.createTempDirectory("tickscope-postgres-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for a private PostgreSQL", e);
        }
        PrivatePostgres postgres = new PrivatePostgres(directory, freePort());
        try {
            if (runsAsRoot()) {
                run(List.of("chown", SERVER_USER + ':' + SERVER_USER, directory.toString()));
            }
            postgres.runAsServerUser(List.of(
                    BIN.resolve("initdb").toString(),
                    "--pgdata=" + postgres.dataDirectory,
                    "--username=" + SERVER_USER,
                    "--auth=trust",
                    "--no-sync",
                    "--encoding=UTF8"));
            postgres.startServer();
            return postgres;
        } catch (RuntimeException e) {
            Directories.deleteRecursively(directory);
            throw e;
        }
    }

    /** Returns the port the server listens on, on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** Returns the JDBC URL of its {@code postgres} database as user {@code postgres}. */
    public String adminUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=" + SERVER_USER;
    }

    /** Stops the server at once (fast shutdown: open connections are cut); returns once it has stopped. */
    public void stopServer() {
        runAsServerUser(List.of(
                BIN.resolve("pg_ctl").toString(), "--pgdata=" + dataDirectory, "--mode=fast", "--wait", "stop"));
    }

    /** Starts the stopped server again on the same port with the same data; returns once it accepts connections. */
    public void startServer() {
        runAsServerUser(List.of(
                BIN.resolve("pg_ctl").toString(),
                "--pgdata=" + dataDirectory,
                "--log=" + directory.resolve("server.log"),
                // The socket goes into the test's directory: /var/run/postgresql is the shared server's.
                "--options=-p " + port + " -c listen_addresses=127.0.0.1 -k " + directory + " -c fsync=off",
                "--wait",
                "start"));
    }

    /** Stops the server if it runs and deletes its directory. */
    @Override
    public void close() {
        try {
            if (Files.exists(dataDirectory.resolve("postmaster.pid"))) {
                stopServer();
            }
        } finally {
            Directories.deleteRecursively(directory);
        }
    }

    private void runAsServerUser(List<String> command) {
        List<String> full = new ArrayList<>();
        if (runsAsRoot()) {
            full.addAll(List.of("runuser", "-u", SERVER_USER, "--"));
        }
        full.addAll(command);
        run(full);
    }

    private static boolean runsAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void run(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            // Reads to the end first: pg_ctl's server keeps no handle on this pipe, since it logs to a file.
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not finish in " + COMMAND_TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command + " exited with " + process.exitValue() + ":\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot run " + command + " (expected: PostgreSQL 15's programs in " + BIN + ')', e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port", e);
        }
    }
}
