package io.tickscope.desktop.testing;

import static org.awaitility.Awaitility.await;

import io.tickscope.desktop.connection.ServerAddress;
import io.tickscope.server.Main;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The headless server as an operator runs it, in a JVM of its own, so that a test can do to it what happens
 * to servers: SIGKILL, SIGSTOP and SIGCONT, and a restart on the same port over the same data directory. Its
 * output goes to a file in the data directory's parent, where its READY line is awaited.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("^READY http://[^:]+:(\\d+)\\b.*", Pattern.MULTILINE);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path dataDirectory;
    private final int tickRate;
    private int port;
    private @Nullable Process process;
    private int starts;

    private ServerProcess(Path dataDirectory, int tickRate) {
        this.dataDirectory = dataDirectory;
        this.tickRate = tickRate;
    }

    /** Starts a server on a free loopback port over {@code dataDirectory}, and returns once it serves. */
    public static ServerProcess start(Path dataDirectory, int tickRate) {
        ServerProcess server = new ServerProcess(dataDirectory, tickRate);
        server.launch();
        return server;
    }

    public ServerAddress address() {
        return new ServerAddress("127.0.0.1", port);
    }

    /** Starts the server again on the same port; returns when it printed READY, that is, when it serves. */
    public Instant restart() {
        stopNow();
        return launch();
    }

    /** Kills the server with SIGKILL: no graceful stop, connections reset, nothing flushed. */
    public void kill() {
        stopNow();
    }

    /** Freezes the server with SIGSTOP: its connections stay open but nothing answers, as on a hung host. */
    public void pause() {
        signal("STOP");
    }

    /** Lets a paused server run again. */
    public void resume() {
        signal("CONT");
    }

    @Override
    public void close() {
        stopNow();
    }

    private Instant launch() {
        Path log = dataDirectory.resolveSibling("server-" + (++starts) + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(port),
                "--data-dir",
                dataDirectory.toString(),
                "--tick-rate",
                Integer.toString(tickRate)));
        try {
            Files.createDirectories(dataDirectory);
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        AtomicReference<@Nullable Instant> ready = new AtomicReference<>();
        await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(20)).until(() -> {
            Matcher line = READY.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (line.find()) {
                ready.set(Instant.now());
                port = Integer.parseInt(line.group(1));
                return true;
            }
            if (!running()) {
                throw new IllegalStateException("server exited before READY: " + Files.readString(log));
            }
            return false;
        });
        return java.util.Objects.requireNonNull(ready.get(), "ready");
    }

    private boolean running() {
        Process running = process;
        return running != null && running.isAlive();
    }

    private void stopNow() {
        Process running = process;
        process = null;
        if (running != null) {
            running.destroyForcibly();
            try {
                running.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void signal(String name) {
        Process running = process;
        if (running == null) {
            throw new IllegalStateException("server: not running (expected: started)");
        }
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(running.pid()))
                    .inheritIO()
                    .start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " " + running.pid() + ": failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
