package io.tickscope.desktop.connection;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * Which server the monitor talks to: the one it starts embedded, or a remote one (or its replicas). Written
 * {@code embedded}, or as {@link ServerTarget} reads it ({@code host:port}, a URL, a list), in the settings
 * file.
 *
 * @param remote the remote server's address or replicas; null for the embedded server
 */
public record ServerChoice(@Nullable ServerTarget remote) {

    private static final String EMBEDDED = "embedded";

    public static ServerChoice embedded() {
        return new ServerChoice(null);
    }

    public static ServerChoice remote(ServerTarget target) {
        return new ServerChoice(requireNonNull(target, "target"));
    }

    public static ServerChoice remote(ServerAddress address) {
        return remote(ServerTarget.of(address));
    }

    /** Reads {@code embedded} or what {@link ServerTarget#parse} reads; throws with a readable message otherwise. */
    public static ServerChoice parse(String text) {
        return text.strip().equals(EMBEDDED) ? embedded() : remote(ServerTarget.parse(text));
    }

    public boolean isEmbedded() {
        return remote == null;
    }

    @Override
    public String toString() {
        return remote == null ? EMBEDDED : remote.toString();
    }
}
