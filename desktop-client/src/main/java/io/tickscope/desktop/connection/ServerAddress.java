package io.tickscope.desktop.connection;

import static java.util.Objects.requireNonNull;

/** Where a Tickscope server listens: a host and a port, written {@code host:port}; {@link ServerTarget} reads it. */
public record ServerAddress(String host, int port) {

    public ServerAddress {
        requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host: \"\" (expected: a host name or address)");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port: " + port + " (expected: 1 to 65535)");
        }
    }

    /** Returns the gRPC target string, {@code host:port}. */
    public String target() {
        return host + ':' + port;
    }

    @Override
    public String toString() {
        return target();
    }
}
