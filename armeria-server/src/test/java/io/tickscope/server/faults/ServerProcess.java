package io.tickscope.server.faults;

import static org.awaitility.Awaitility.await;

import io.tickscope.server.Main;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The headless server as a separate JVM, as an operator runs it, on the test class path. Its output goes to
 * files in a log directory, so that nothing blocks on a full pipe and a failed run leaves its logs behind.
 */
final class ServerProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("^READY (http://\\S+) .*", Pattern.MULTILINE);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final URI uri;

    private ServerProcess(Process process, URI uri) {
        this.process = process;
        this.uri = uri;
    }

    /**
     * Launches the server on loopback port {@code port} (0 for a free one) with its database in {@code
     * dataDirectory}, writes its output under {@code logDirectory} with {@code name} in the file names, and
     * returns once it printed its READY line.
     */
    static ServerProcess start(String name, Path dataDirectory, int port, Path logDirectory, String... extraFlags) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(port),
                "--data-dir",
                dataDirectory.toString()));
        command.addAll(List.of(extraFlags));
        Path out = logDirectory.resolve(name + ".out");
        Path err = logDirectory.resolve(name + ".err");
        Process process;
        try {
            Files.createDirectories(logDirectory);
            process = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot launch the server " + name, e);
        }
        try {
            URI uri = await("READY line of " + name)
                    .atMost(START_TIMEOUT)
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> readyUri(out, process), Optional::isPresent)
                    .orElseThrow();
            return new ServerProcess(process, uri);
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** Returns the server's base URI, for example {@code http://127.0.0.1:40123}. */
    URI uri() {
        return uri;
    }

    /** Returns the port the server listens on. */
    int port() {
        return uri.getPort();
    }

    /** Returns the process id, for signals such as SIGSTOP. */
    long pid() {
        return process.pid();
    }

    /** Kills the server with SIGKILL: no shutdown hook runs, nothing is flushed. Returns once it is gone. */
    void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** Stops the server with SIGTERM, gracefully, and returns its exit code once it is gone. */
    int stop() {
        process.destroy();
        return awaitExit();
    }

    /** Kills the server unless it already ended. */
    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private int awaitExit() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("server pid " + process.pid() + ": still running 30 s after a signal");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for server pid " + process.pid(), e);
        }
    }

    private static Optional<URI> readyUri(Path out, Process process) throws IOException {
        Matcher ready = READY.matcher(Files.readString(out, StandardCharsets.UTF_8));
        if (ready.find()) {
            return Optional.of(URI.create(ready.group(1)));
        }
        if (!process.isAlive()) {
            throw new IllegalStateException("server ended without a READY line, exit code " + process.exitValue());
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "server pid " + process.pid() + " at " + uri;
    }
}
