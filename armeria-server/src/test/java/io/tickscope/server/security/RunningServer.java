package io.tickscope.server.security;

import io.tickscope.server.ServerSettings;
import io.tickscope.server.TickscopeServer;
import java.nio.file.Path;
import java.time.Duration;

/** Starts a real Tickscope server with the given security, as the headless launcher does. */
final class RunningServer {

    private RunningServer() {}

    static TickscopeServer start(String host, Path dataDirectory, int tickRate, SecuritySettings security) {
        return TickscopeServer.start(
                new ServerSettings(host, 0, dataDirectory, tickRate, 42, Duration.ofSeconds(2), security));
    }
}
