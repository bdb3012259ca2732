package io.tickscope.server.limits;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A {@link ResetFloodAttacker} in a JVM of its own at the lowest CPU priority ({@code nice -n 19}). A real
 * attacker runs on its own machine: in its own niced process on this 2-core box it neither takes CPU time the
 * server needs nor pauses the server with its garbage collections, so what the flood costs the legitimate client
 * is what it costs the server.
 */
final class AttackerProcess implements AutoCloseable {

    /** What the attacker had done by the end of a window: totals since it started. */
    record Totals(long connections, long closed, long resets) {}

    private final Process process;
    private final Writer commands;
    private final BufferedReader reports;

    private AttackerProcess(Process process) {
        this.process = process;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.reports = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Starts the attacker of {@code flood} against {@code host:port} and returns once it is ready to attack. */
    static AttackerProcess start(String host, int port, ResetFlood flood) throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process process = new ProcessBuilder(List.of(
                        "nice",
                        "-n",
                        "19",
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:+UseSerialGC",
                        "-cp",
                        classPath,
                        ResetFloodAttacker.class.getName(),
                        host,
                        Integer.toString(port),
                        flood.name()))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        AttackerProcess attacker = new AttackerProcess(process);
        attacker.expectLine("ready");
        return attacker;
    }

    /** Starts attacking and returns once the first frames are on their way. */
    void startAttacking() throws IOException {
        commands.write("start\n");
        commands.flush();
        expectLine("attacking");
    }

    /** Stops attacking once the connection under attack is closed, and returns the totals so far. */
    Totals stopAttacking() throws IOException {
        commands.write("stop\n");
        commands.flush();
        String[] totals = readLine().split(" ");
        return new Totals(Long.parseLong(totals[0]), Long.parseLong(totals[1]), Long.parseLong(totals[2]));
    }

    @Override
    public void close() throws IOException {
        commands.close();
        process.destroy();
    }

    private void expectLine(String expected) throws IOException {
        String line = readLine();
        if (!line.equals(expected)) {
            throw new IllegalStateException("attacker said: " + line + " (expected: " + expected + ')');
        }
    }

    /** Returns the next report of the attacker, skipping any logging it printed. */
    private String readLine() throws IOException {
        for (String line = reports.readLine(); line != null; line = reports.readLine()) {
            if (line.startsWith(ResetFloodAttacker.REPORT_PREFIX)) {
                return line.substring(ResetFloodAttacker.REPORT_PREFIX.length());
            }
        }
        throw new IllegalStateException(
                "attacker: exited with " + process.onExit().join().exitValue());
    }
}
