package io.tickscope.server.security;

import io.tickscope.server.ServerSettings;
import io.tickscope.server.TickscopeServer;
import io.tickscope.server.limits.ServerLimits;
import io.tickscope.server.testing.Directories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Starts a real Tickscope server with the given security, as the headless launcher does. Every server of these
 * tests opens the same data directory: seeding the catalogue takes seconds, opening it again does not.
 */
final class RunningServer {

    private static @Nullable Path sharedDataDirectory;

    private RunningServer() {}

    /** Starts a server on {@code host} and a free port, its market moving {@code tickRate} prices a second. */
    static TickscopeServer start(String host, int tickRate, SecuritySettings security) {
        return TickscopeServer.start(new ServerSettings(
                host, 0, dataDirectory(), tickRate, 42, Duration.ofSeconds(2), security, ServerLimits.defaults()));
    }

    private static synchronized Path dataDirectory() {
        Path directory = sharedDataDirectory;
        if (directory == null) {
            try {
                directory = Files.createTempDirectory("tickscope-security-test");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path created = directory;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> Directories.deleteRecursively(created)));
            sharedDataDirectory = directory;
        }
        return directory;
    }
}
