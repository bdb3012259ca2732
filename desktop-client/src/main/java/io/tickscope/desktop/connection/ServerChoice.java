package io.tickscope.desktop.connection;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * Which server the monitor talks to: the one it starts embedded, or a remote one. Written {@code embedded}
 * or {@code host:port} in the settings file.
 *
 * @param remote the remote server's address; null for the embedded server
 */
public record ServerChoice(@Nullable ServerAddress remote) {

    private static final String EMBEDDED = "embedded";

    public static ServerChoice embedded() {
        return new ServerChoice(null);
    }

    public static ServerChoice remote(ServerAddress address) {
        return new ServerChoice(requireNonNull(address, "address"));
    }

    /** Reads {@code embedded} or {@code host:port}; throws with a readable message otherwise. */
    public static ServerChoice parse(String text) {
        return text.strip().equals(EMBEDDED) ? embedded() : remote(ServerAddress.parse(text.strip()));
    }

    public boolean isEmbedded() {
        return remote == null;
    }

    @Override
    public String toString() {
        return remote == null ? EMBEDDED : remote.target();
    }
}
