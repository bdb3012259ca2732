package io.tickscope.bench.cluster;

import static java.util.Objects.requireNonNull;

import io.tickscope.server.Main;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A headless server in a JVM of its own, launched from this JVM's class path with the flags an operator gives,
 * its output in files under a log directory. Unlike the tests' launcher, it runs with the JVM's full JIT and a
 * fixed heap: its CPU time per update is a figure here.
 */
final class ServerLaunch implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("^READY http://\\S+:(\\d+) ", Pattern.MULTILINE);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final List<String> JVM_FLAGS = List.of("-Xms512m", "-Xmx512m");

    private final String name;
    private final Process process;
    private final Path output;
    private final int port;

    private ServerLaunch(String name, Process process, Path output, int port) {
        this.name = name;
        this.process = process;
        this.output = output;
        this.port = port;
    }

    /**
     * Launches the server on a free loopback port with {@code flags}, its data and logs under {@code directory}
     * with {@code name} in the file names, and returns once it printed its READY line.
     */
    static ServerLaunch start(String name, Path directory, String... flags) {
        requireNonNull(name, "name");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of("--host", "127.0.0.1", "--port", "0"));
        command.addAll(List.of("--data-dir", directory.resolve(name + "-data").toString()));
        command.addAll(List.of(flags));
        Path output = directory.resolve(name + ".log");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            return new ServerLaunch(name, process, output, awaitReadyPort(name, process, output));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot launch server " + name, e);
        }
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    /** Returns the CPU time the server's process has used so far, in nanoseconds. */
    long cpuNanos() {
        return process.toHandle()
                .info()
                .totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException(name + ": the OS does not report its CPU time"))
                .toNanos();
    }

    /** Returns whether the server's output so far contains {@code text}. */
    boolean logged(String text) {
        try {
            return Files.readString(output, StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + output, e);
        }
    }

    /** Kills the server with SIGKILL, as a crash does, and returns once it is gone. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private static int awaitReadyPort(String name, Process process, Path output) throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String text = Files.readString(output, StandardCharsets.UTF_8);
            Matcher ready = READY.matcher(text);
            if (ready.find()) {
                return Integer.parseInt(ready.group(1));
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("server " + name + " ended before it served; its output ends: "
                        + text.substring(Math.max(0, text.length() - 2_000)));
            }
            Pauses.sleep(Duration.ofMillis(50));
        }
        process.destroyForcibly();
        throw new IllegalStateException("server " + name + ": no READY line within " + START_TIMEOUT);
    }
}
