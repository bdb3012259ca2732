package io.tickscope.server.testing;

import static java.util.Objects.requireNonNull;
import static org.awaitility.Awaitility.await;

import io.tickscope.server.Main;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The headless server as an operator runs it, in a JVM of its own, so that a test can do to it what happens to
 * servers: SIGTERM, SIGKILL, SIGSTOP and SIGCONT, and a start again over the same data directory and port. The
 * JVM runs the server's {@link Main} from this JVM's class path: the server's own classes in its tests, the
 * packaged server jar in the desktop client's. Its output goes to files in a log directory, so that nothing
 * blocks on a full pipe and a failed run leaves its logs behind.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("^READY (http://\\S+) .*", Pattern.MULTILINE);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(30);
    /** How much of the standard error a failure message quotes, from its end. */
    private static final int QUOTED_ERRORS = 2_000;

    private final Launch launch;
    private final Process process;
    private final URI uri;
    private final Instant readyTime;

    private ServerProcess(Launch launch, Process process, URI uri, Instant readyTime) {
        this.launch = launch;
        this.process = process;
        this.uri = uri;
        this.readyTime = readyTime;
    }

    /**
     * Launches the server on loopback port {@code port} (0 for a free one) with its database in {@code
     * dataDirectory} and {@code flags} added to its command line, writes its output under {@code logDirectory}
     * with {@code name} in the file names, and returns once it printed its READY line, that is, once it serves.
     */
    public static ServerProcess start(String name, Path dataDirectory, int port, Path logDirectory, String... flags) {
        return start(new Launch(
                requireNonNull(name, "name"),
                requireNonNull(dataDirectory, "dataDirectory"),
                port,
                requireNonNull(logDirectory, "logDirectory"),
                List.of(flags)));
    }

    /**
     * Runs the launcher with {@code arguments} to its end, as for {@code --help} or a bad flag, with its output
     * under {@code logDirectory} with {@code name} in the file names, and returns its exit code and output.
     */
    public static Exit run(String name, Path logDirectory, String... arguments) {
        Path out = logDirectory.resolve(name + ".out");
        Path err = logDirectory.resolve(name + ".err");
        Process process = spawn(name, List.of(arguments), out, err);
        int code = awaitExit(process);
        return new Exit(code, read(out), read(err));
    }

    /**
     * Starts a new server like this one, with the same data directory, port, log directory and flags, under
     * {@code name}; this one must have ended first ({@link #kill()} or {@link #stop()}).
     */
    public ServerProcess startAgain(String name) {
        if (process.isAlive()) {
            throw new IllegalStateException(this + ": still running (expected: killed or stopped before a new start)");
        }
        return start(new Launch(
                requireNonNull(name, "name"), launch.dataDirectory(), port(), launch.logDirectory(), launch.flags()));
    }

    /** Returns the server's base URI, for example {@code http://127.0.0.1:40123}. */
    public URI uri() {
        return uri;
    }

    /** Returns the port the server listens on. */
    public int port() {
        return uri.getPort();
    }

    /** Returns the process id, for tools such as jcmd. */
    public long pid() {
        return process.pid();
    }

    /** Returns when the READY line was seen: from then on, the server accepts connections. */
    public Instant readyTime() {
        return readyTime;
    }

    /** Kills the server with SIGKILL: no shutdown hook runs, nothing is flushed. Returns once it is gone. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(process);
    }

    /** Stops the server with SIGTERM, gracefully, and returns its exit code once it is gone. */
    public int stop() {
        process.destroy();
        return awaitExit(process);
    }

    /** Freezes the server with SIGSTOP: its connections stay open but nothing answers, as on a hung host. */
    public void pause() {
        signal("STOP");
    }

    /** Lets a paused server run again with SIGCONT. */
    public void resume() {
        signal("CONT");
    }

    /** Kills the server unless it already ended. */
    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    @Override
    public String toString() {
        return "server " + launch.name() + " pid " + process.pid() + " at " + uri;
    }

    private static ServerProcess start(Launch launch) {
        List<String> arguments = new ArrayList<>(List.of(
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(launch.port()),
                "--data-dir",
                launch.dataDirectory().toString()));
        arguments.addAll(launch.flags());
        Path out = launch.logDirectory().resolve(launch.name() + ".out");
        Path err = launch.logDirectory().resolve(launch.name() + ".err");
        try {
            Files.createDirectories(launch.dataDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + launch.dataDirectory(), e);
        }
        Process process = spawn(launch.name(), arguments, out, err);
        try {
            URI uri = await("READY line of " + launch.name())
                    .atMost(START_TIMEOUT)
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> readyUri(process, out, err), Optional::isPresent)
                    .orElseThrow();
            return new ServerProcess(launch, process, uri, Instant.now());
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    private static Process spawn(String name, List<String> arguments, Path out, Path err) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Several servers and the tests share two cores: no C2 compiler threads, no parallel GC threads.
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(arguments);
        try {
            Files.createDirectories(out.getParent());
            return new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot launch the server " + name, e);
        }
    }

    private static Optional<URI> readyUri(Process process, Path out, Path err) {
        Matcher ready = READY.matcher(read(out));
        if (ready.find()) {
            return Optional.of(URI.create(ready.group(1)));
        }
        if (!process.isAlive()) {
            String errors = read(err);
            throw new IllegalStateException("server ended without a READY line, exit code " + process.exitValue()
                    + ", standard error ends: " + errors.substring(Math.max(0, errors.length() - QUOTED_ERRORS)));
        }
        return Optional.empty();
    }

    private static int awaitExit(Process process) {
        try {
            if (!process.waitFor(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        "server pid " + process.pid() + ": still running " + EXIT_TIMEOUT.toSeconds() + " s on");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for server pid " + process.pid(), e);
        }
    }

    // Java sends only SIGTERM and SIGKILL: the others go through kill(1).
    private void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                    .inheritIO()
                    .start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException(
                        "kill -" + signal + " " + process.pid() + ": failed (expected: exit 0)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run kill -" + signal, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending SIG" + signal + " to pid " + process.pid(), e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** How the launcher ended: its exit code, standard output and standard error. */
    public record Exit(int code, String output, String errors) {}

    /** What a start needs, kept to start the same server again. */
    private record Launch(String name, Path dataDirectory, int port, Path logDirectory, List<String> flags) {}
}
