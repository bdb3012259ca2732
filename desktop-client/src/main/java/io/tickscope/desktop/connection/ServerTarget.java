package io.tickscope.desktop.connection;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;

/**
 * The server, or the replicas of one server, the monitor connects to, as a person writes it: {@code host:port},
 * a URL ({@code http://host:port} for plaintext, {@code https://host:port} for TLS), or several of either
 * separated by commas ({@code a:8080,b:8080,c:8080}). One channel balances over all of them.
 *
 * @param addresses the replicas, in the order written; one address may be a DNS name with several addresses
 * @param scheme whether the text asked for plaintext or TLS, or left it to {@code --tls}
 */
public record ServerTarget(List<ServerAddress> addresses, Scheme scheme) {

    /** What the text said about transport security. */
    public enum Scheme {
        /** {@code host:port}: plaintext unless {@code --tls} (or a TLS file) says otherwise. */
        UNSPECIFIED(""),
        /** {@code http://}: plaintext, whatever the TLS flags say. */
        PLAINTEXT("http"),
        /** {@code https://}: TLS, with the system's trusted authorities unless {@code --tls-ca} names others. */
        TLS("https");

        private final String urlScheme;

        Scheme(String urlScheme) {
            this.urlScheme = urlScheme;
        }

        private int defaultPort() {
            return this == TLS ? 443 : 80;
        }
    }

    private static final String EXPECTED = "(expected: host:port, http://host:port or https://host:port, or several"
            + " separated by commas, such as 10.0.0.5:8080,10.0.0.6:8080)";

    public ServerTarget {
        addresses = List.copyOf(addresses);
        requireNonNull(scheme, "scheme");
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("addresses: [] (expected: at least one server address)");
        }
    }

    /** One server at {@code address}, plaintext unless the TLS flags say otherwise. */
    public static ServerTarget of(ServerAddress address) {
        return new ServerTarget(List.of(requireNonNull(address, "address")), Scheme.UNSPECIFIED);
    }

    /**
     * Reads what a person typed: {@code host:port}, {@code http://host[:port][/]}, {@code https://host[:port][/]},
     * or several separated by commas; every URL in a list must use the same scheme. A URL without a port means
     * the scheme's (80 or 443). Throws with a message that says what was wrong and what is expected.
     */
    public static ServerTarget parse(String text) {
        requireNonNull(text, "text");
        String stripped = text.strip();
        if (stripped.isEmpty()) {
            throw new IllegalArgumentException("server: \"\" " + EXPECTED);
        }
        List<ServerAddress> addresses = new ArrayList<>();
        Scheme scheme = Scheme.UNSPECIFIED;
        for (String part : stripped.split(",", -1)) {
            String one = part.strip();
            if (one.isEmpty()) {
                throw new IllegalArgumentException("server: \"" + stripped + "\" has an empty entry " + EXPECTED);
            }
            Scheme partScheme = schemeOf(one);
            if (partScheme != Scheme.UNSPECIFIED) {
                if (scheme != Scheme.UNSPECIFIED && scheme != partScheme) {
                    throw new IllegalArgumentException("server: \"" + stripped
                            + "\" mixes http:// and https:// (expected: one scheme for every replica)");
                }
                scheme = partScheme;
            }
            addresses.add(partScheme == Scheme.UNSPECIFIED ? hostAndPort(one) : fromUrl(one, partScheme));
        }
        return new ServerTarget(addresses, scheme);
    }

    /** Whether a channel to this target speaks TLS, given whether the TLS flags ask for it. */
    public boolean usesTls(boolean tlsFlags) {
        return scheme == Scheme.UNSPECIFIED ? tlsFlags : scheme == Scheme.TLS;
    }

    /** Whether this names more than one replica. */
    public boolean isList() {
        return addresses.size() > 1;
    }

    /** The text {@link #parse} reads back: {@code a:8080,b:8080}, or with each address's scheme. */
    @Override
    public String toString() {
        String prefix = scheme == Scheme.UNSPECIFIED ? "" : scheme.urlScheme + "://";
        return addresses.stream().map(address -> prefix + address.target()).collect(Collectors.joining(","));
    }

    private static Scheme schemeOf(String text) {
        int separator = text.indexOf("://");
        if (separator < 0) {
            return Scheme.UNSPECIFIED;
        }
        String name = text.substring(0, separator).toLowerCase(Locale.ROOT);
        for (Scheme scheme : Scheme.values()) {
            if (scheme != Scheme.UNSPECIFIED && scheme.urlScheme.equals(name)) {
                return scheme;
            }
        }
        throw new IllegalArgumentException("server: \"" + text + "\" has the scheme " + name
                + ":// (expected: http:// for plaintext or https:// for TLS)");
    }

    private static ServerAddress fromUrl(String text, Scheme scheme) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    "server: \"" + text + "\" is not a URL (" + e.getReason() + ") " + EXPECTED);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("server: \"" + text + "\" has no host " + EXPECTED);
        }
        String path = uri.getRawPath();
        if ((path != null && !path.isEmpty() && !path.equals("/"))
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null
                || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("server: \"" + text
                    + "\" has more than a scheme, host and port (expected: gRPC serves at the root, such as "
                    + scheme.urlScheme + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + ")");
        }
        return new ServerAddress(uri.getHost(), uri.getPort() < 0 ? scheme.defaultPort() : uri.getPort());
    }

    private static ServerAddress hostAndPort(String text) {
        if (text.contains("/")) {
            throw new IllegalArgumentException("server: \"" + text + "\" " + EXPECTED);
        }
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("server: \"" + text + "\" has no port " + EXPECTED);
        }
        try {
            return new ServerAddress(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("server: \"" + text + "\" (expected: a numeric port after the colon)");
        }
    }

    /** Lets picocli read {@code --server a:8080,b:8080} and {@code --server https://prices.example.com}. */
    public static final class Converter implements ITypeConverter<ServerTarget> {
        @Override
        public ServerTarget convert(String value) {
            return parse(value);
        }
    }
}
