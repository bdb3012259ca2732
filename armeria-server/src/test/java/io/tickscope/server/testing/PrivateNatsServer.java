package io.tickscope.server.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A NATS server with JetStream of a test's own, on a free loopback port with its storage in a temporary
 * directory, for tests that kill and restart the broker: never the machine's shared one, which other tests use.
 */
public final class PrivateNatsServer implements AutoCloseable {

    private static final Path NATS_SERVER = Path.of("/usr/sbin/nats-server");

    private final int port;
    private final Path directory;
    private Process process;

    private PrivateNatsServer(int port, Path directory) {
        this.port = port;
        this.directory = directory;
        this.process = launch();
    }

    /** Starts a server on a free port; returns once it accepts connections. */
    public static PrivateNatsServer start() {
        if (!Files.isExecutable(NATS_SERVER)) {
            throw new IllegalStateException(NATS_SERVER + ": not found (expected: Debian's nats-server package)");
        }
        try {
            return new PrivateNatsServer(freePort(), Files.createTempDirectory("tickscope-nats"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the server's URL, for example {@code nats://127.0.0.1:41234}. */
    public String url() {
        return "nats://127.0.0.1:" + port;
    }

    /** Kills the server with SIGKILL and returns once it is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("nats-server on port " + port + ": still alive 10 s after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts the server again on the same port and storage; returns once it accepts connections. */
    public void restart() {
        if (process.isAlive()) {
            throw new IllegalStateException("nats-server on port " + port + ": still running (expected: killed)");
        }
        process = launch();
    }

    private Process launch() {
        Process started;
        try {
            started = new ProcessBuilder(
                            NATS_SERVER.toString(),
                            "-a",
                            "127.0.0.1",
                            "-p",
                            Integer.toString(port),
                            "-js",
                            "-sd",
                            directory.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("nats-server.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + NATS_SERVER, e);
        }
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(50))
                .until(this::accepts);
        return started;
    }

    private boolean accepts() {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return socket.isConnected();
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Kills the server and deletes its storage. */
    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
        Directories.deleteRecursively(directory);
    }
}
