package io.tickscope.server.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java heap of another JVM, read with {@code jcmd}: a full collection first, so that what is measured is
 * what the process holds on to, not the garbage it has yet to collect.
 */
final class ServerHeap {

    // Serial and parallel collectors print one line per generation; G1 one line for the whole heap.
    private static final Pattern USED = Pattern.compile(
            "(?m)^\\s*(?:def new|tenured|PSYoungGen|ParOldGen|" + "garbage-first heap)\\b.*?used (\\d+)K");

    private ServerHeap() {}

    /** Collects garbage in process {@code pid} and returns the bytes its heap still uses. */
    static long usedAfterFullGc(long pid) {
        jcmd(pid, "GC.run");
        Matcher used = USED.matcher(jcmd(pid, "GC.heap_info"));
        long kibibytes = 0;
        int generations = 0;
        while (used.find()) {
            kibibytes += Long.parseLong(used.group(1));
            generations++;
        }
        if (generations == 0) {
            throw new IllegalStateException(
                    "GC.heap_info of pid " + pid + ": no heap usage line (expected: one per" + " generation)");
        }
        return kibibytes * 1024;
    }

    private static String jcmd(long pid, String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command)
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + pid + " " + command + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + jcmd, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running jcmd " + command, e);
        }
    }
}
