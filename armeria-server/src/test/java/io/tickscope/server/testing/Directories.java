package io.tickscope.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Clean-up of the data directories that test servers make. */
public final class Directories {

    private Directories() {}

    /**
     * Deletes {@code directory} and everything in it, deepest first. A file that will not go stays behind
     * without a failure: this is clean-up of a temporary directory, not part of what a test checks.
     */
    public static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }
}
