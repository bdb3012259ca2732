package io.tickscope.desktop.explorer.saved;

import static java.util.Objects.requireNonNull;

/**
 * A named place to work against: the server's address ({@code host:port}, a URL or a replica list; empty for
 * the embedded server), TLS on or off with its files (empty when unused), and metadata every call of the
 * Explorer carries ({@code name: value} lines).
 */
public record Environment(
        String name,
        String address,
        boolean tls,
        String caFile,
        String certificateFile,
        String keyFile,
        String tokenFile,
        String metadata) {

    public static final String EMBEDDED = "embedded";

    public Environment {
        requireNonNull(name, "name");
        if (name.isBlank() || !name.matches("[A-Za-z0-9 _.-]+")) {
            throw new IllegalArgumentException(
                    "environment name: \"" + name + "\" (expected: letters, digits, spaces, '-', '_' or '.')");
        }
        requireNonNull(address, "address");
        requireNonNull(caFile, "caFile");
        requireNonNull(certificateFile, "certificateFile");
        requireNonNull(keyFile, "keyFile");
        requireNonNull(tokenFile, "tokenFile");
        requireNonNull(metadata, "metadata");
    }

    /** The environment every first run has: the embedded server, plaintext on loopback. */
    public static Environment embedded() {
        return new Environment(EMBEDDED, "", false, "", "", "", "", "");
    }

    /** An environment of a plaintext server at {@code address}. */
    public static Environment plaintext(String name, String address) {
        return new Environment(name, address, false, "", "", "", "", "");
    }

    public boolean isEmbedded() {
        return address.isBlank();
    }

    @Override
    public String toString() {
        return name;
    }
}
