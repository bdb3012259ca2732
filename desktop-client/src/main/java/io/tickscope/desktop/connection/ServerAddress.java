package io.tickscope.desktop.connection;

import static java.util.Objects.requireNonNull;

import picocli.CommandLine.ITypeConverter;

/** Where a Tickscope server listens: a host and a port, written {@code host:port}. */
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

    /** Parses {@code host:port}, for example {@code 127.0.0.1:8080}. */
    public static ServerAddress parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException(
                    "server: \"" + text + "\" (expected: host:port, such as 127.0.0.1:8080)");
        }
        try {
            return new ServerAddress(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("server: \"" + text + "\" (expected: a numeric port after the colon)");
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

    /** Lets picocli read {@code --server host:port}. */
    public static final class Converter implements ITypeConverter<ServerAddress> {
        @Override
        public ServerAddress convert(String value) {
            return parse(value);
        }
    }
}
