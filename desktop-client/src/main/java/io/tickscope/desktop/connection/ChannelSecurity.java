package io.tickscope.desktop.connection;

import io.grpc.CallCredentials;
import io.grpc.ChannelCredentials;
import io.grpc.InsecureChannelCredentials;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * How the monitor's channel to a remote server is secured. The embedded server is always reached in plaintext
 * on loopback.
 *
 * @param tls whether to speak TLS; the server's certificate is checked against {@code trustedCa}, or the
 *     system's trusted authorities when that is null
 * @param trustedCa PEM certificates of the authorities that sign the server's certificate
 * @param clientCertificate PEM certificate chain this client presents (mutual TLS); needs {@code clientKey}
 * @param clientKey unencrypted PKCS#8 PEM key of {@code clientCertificate}
 * @param tokenFile a file whose first line is the bearer token sent with every call; needs TLS
 */
public record ChannelSecurity(
        boolean tls,
        @Nullable Path trustedCa,
        @Nullable Path clientCertificate,
        @Nullable Path clientKey,
        @Nullable Path tokenFile) {

    private static final ChannelSecurity PLAINTEXT = new ChannelSecurity(false, null, null, null, null);

    public ChannelSecurity {
        if (!tls && (trustedCa != null || clientCertificate != null || clientKey != null)) {
            throw new IllegalArgumentException(
                    "TLS files without TLS (expected: --tls with --tls-ca, --tls-cert" + " and --tls-key)");
        }
        if ((clientCertificate == null) != (clientKey == null)) {
            throw new IllegalArgumentException("--tls-cert and --tls-key: only one given (expected: both, or neither)");
        }
        if (tokenFile != null && !tls) {
            throw new IllegalArgumentException("--token-file: " + tokenFile
                    + " without TLS (expected: --tls, so that the token is not sent in" + " clear text)");
        }
    }

    public static ChannelSecurity plaintext() {
        return PLAINTEXT;
    }

    /**
     * Returns the security for {@code target}: its scheme, when it has one, picks plaintext ({@code http://}) or
     * TLS ({@code https://}) whatever the flags say. TLS files do not apply to plaintext; a token is never sent
     * over it.
     */
    ChannelSecurity forTarget(ServerTarget target) {
        boolean useTls = target.usesTls(tls);
        if (useTls == tls) {
            return this;
        }
        if (useTls) {
            return new ChannelSecurity(true, null, null, null, null);
        }
        if (tokenFile != null) {
            throw new IllegalArgumentException("server: " + target + " is plaintext, but --token-file " + tokenFile
                    + " would send its token in clear text (expected: https:// for a server that wants a token)");
        }
        return PLAINTEXT;
    }

    /** Reads the PEM files now, so that a wrong path fails when the session opens, with the file named. */
    ChannelCredentials channelCredentials() {
        if (!tls) {
            return InsecureChannelCredentials.create();
        }
        TlsChannelCredentials.Builder builder = TlsChannelCredentials.newBuilder();
        try {
            if (trustedCa != null) {
                builder.trustManager(trustedCa.toFile());
            }
            if (clientCertificate != null && clientKey != null) {
                builder.keyManager(clientCertificate.toFile(), clientKey.toFile());
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "TLS files: " + trustedCa + ", " + clientCertificate + ", " + clientKey
                            + " (expected: readable PEM files): " + e.getMessage(),
                    e);
        }
        return builder.build();
    }

    /** The bearer token to send with every call, or null without a token file. */
    @Nullable
    CallCredentials callCredentials() {
        if (tokenFile == null) {
            return null;
        }
        try {
            String token = Files.readString(tokenFile, StandardCharsets.UTF_8)
                    .lines()
                    .findFirst()
                    .map(String::strip)
                    .orElse("");
            if (token.isEmpty()) {
                throw new IllegalArgumentException(
                        "--token-file: " + tokenFile + " (expected: the token on its first line)");
            }
            return new BearerToken(token);
        } catch (IOException e) {
            throw new UncheckedIOException("--token-file: " + tokenFile + " (expected: a readable file)", e);
        }
    }
}
