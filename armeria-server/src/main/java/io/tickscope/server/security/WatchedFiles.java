package io.tickscope.server.security;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Files that a running server reads again on an interval, and the value it made of them: the TLS key pair and
 * certificates ({@link ReloadingTlsProvider}), the bearer tokens ({@link ReloadingTokenFile}). Both reload alike:
 *
 * <ul>
 *   <li>Each check reads the files whole and compares their bytes with what the previous check saw. Bytes, not
 *       modification times: those have a coarse resolution on some file systems, and a file moved into place
 *       keeps its old one.
 *   <li>Bytes that changed are parsed; a value that parses replaces the current one for every caller that asks
 *       afterwards.
 *   <li>Bytes that do not parse, and files that cannot be read (half-written, deleted, unreadable), leave the
 *       current value in force and are reported once: the same bytes are not parsed again, and the same read
 *       failure is not reported again, until the files change.
 * </ul>
 *
 * @param <T> what the files hold
 */
final class WatchedFiles<T> {

    /**
     * Far above what these files hold (a CA bundle of every public authority is about 200 KiB, a token line about
     * 100 bytes), and low enough that a flag pointing at the wrong file costs little memory every check.
     */
    static final int MAX_FILE_BYTES = 4 * 1024 * 1024;

    /** Makes a value of the files' contents, given in the order of the files. */
    @FunctionalInterface
    interface Parser<T> {
        /**
         * @throws IllegalArgumentException naming the file, the line when there is one, and what was expected
         */
        T parse(List<byte[]> contents);
    }

    private final List<Path> files;
    private final Parser<T> parser;
    private final Consumer<? super T> onReload;
    private final Consumer<String> onRefusal;
    private volatile T current;
    // The state below belongs to check(), watch() and stopWatching(), which hold this object's lock.
    private List<byte[]> lastContents;
    private @Nullable String lastReadFailure;
    private @Nullable ScheduledFuture<?> scheduledCheck;

    /**
     * Reads and parses the files now, so that bad files stop a server at start. Later checks hand a new value to
     * {@code onReload} and the reason a reading was refused to {@code onRefusal}, on the checking thread.
     *
     * @throws IllegalArgumentException if a file cannot be read or the contents do not parse
     */
    WatchedFiles(List<Path> files, Parser<T> parser, Consumer<? super T> onReload, Consumer<String> onRefusal) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("files: [] (expected: at least one)");
        }
        this.files = List.copyOf(files);
        this.parser = requireNonNull(parser, "parser");
        this.onReload = requireNonNull(onReload, "onReload");
        this.onRefusal = requireNonNull(onRefusal, "onRefusal");
        List<byte[]> contents = readAll();
        current = parser.parse(contents);
        lastContents = contents;
    }

    /** The value of the last reading that parsed. */
    T current() {
        return current;
    }

    /**
     * Checks the files every {@code interval} on {@code executor}, until {@link #stopWatching()}.
     *
     * @throws IllegalStateException if the files are watched already
     */
    synchronized void watch(Duration interval, ScheduledExecutorService executor) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("reload interval of " + files + ": " + interval + " (expected: > 0)");
        }
        if (scheduledCheck != null) {
            throw new IllegalStateException("watching " + files + ": already (expected: stopWatching() first)");
        }
        long millis = interval.toMillis();
        scheduledCheck = executor.scheduleWithFixedDelay(this::check, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Stops the checks; a check already running finishes. */
    synchronized void stopWatching() {
        if (scheduledCheck != null) {
            scheduledCheck.cancel(false);
            scheduledCheck = null;
        }
    }

    /** Reads the files once and takes in what changed since the previous check; what a scheduled check does. */
    synchronized void check() {
        // Every exception is caught below, not only the documented IllegalArgumentException: a scheduled task that
        // throws is never run again, and the files would silently stop reloading.
        List<byte[]> contents;
        try {
            contents = readAll();
        } catch (RuntimeException e) {
            String reason = String.valueOf(e.getMessage());
            if (!reason.equals(lastReadFailure)) {
                lastReadFailure = reason;
                // Forget the contents, so that files that come back as they were are parsed and reported again.
                lastContents = List.of();
                onRefusal.accept(reason);
            }
            return;
        }
        lastReadFailure = null;
        if (sameContents(contents, lastContents)) {
            return;
        }
        lastContents = contents;
        T fresh;
        try {
            fresh = parser.parse(contents);
        } catch (RuntimeException e) {
            onRefusal.accept(String.valueOf(e.getMessage()));
            return;
        }
        current = fresh;
        onReload.accept(fresh);
    }

    private List<byte[]> readAll() {
        List<byte[]> contents = new ArrayList<>(files.size());
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                byte[] content = in.readNBytes(MAX_FILE_BYTES + 1);
                if (content.length > MAX_FILE_BYTES) {
                    throw new IllegalArgumentException("file: " + file + ": more than " + MAX_FILE_BYTES
                            + " bytes (expected: <= " + MAX_FILE_BYTES + ", a key, certificates or tokens)");
                }
                contents.add(content);
            } catch (IOException e) {
                throw new IllegalArgumentException("file: " + file + " (expected: a readable file): " + e, e);
            }
        }
        return contents;
    }

    private static boolean sameContents(List<byte[]> now, List<byte[]> before) {
        if (now.size() != before.size()) {
            return false;
        }
        for (int i = 0; i < now.size(); i++) {
            if (!Arrays.equals(now.get(i), before.get(i))) {
                return false;
            }
        }
        return true;
    }
}
