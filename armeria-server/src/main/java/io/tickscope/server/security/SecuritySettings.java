package io.tickscope.server.security;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * How a server protects itself. {@link #none()} is the development default: plaintext, no tokens, admin
 * surfaces open on loopback only.
 *
 * @param tls the TLS files; null for plaintext
 * @param tokensFile the bearer tokens and their roles (see {@link TokenFile}); null turns authentication off
 * @param adminAccess who may open DocService, metrics and reflection
 */
public record SecuritySettings(@Nullable TlsFiles tls, @Nullable Path tokensFile, AdminAccess adminAccess) {

    private static final SecuritySettings NONE = new SecuritySettings(null, null, AdminAccess.LOOPBACK);

    public SecuritySettings {
        requireNonNull(adminAccess, "adminAccess");
    }

    /** Plaintext, no tokens, admin surfaces open on loopback only. */
    public static SecuritySettings none() {
        return NONE;
    }

    public SecuritySettings withTls(TlsFiles files) {
        return new SecuritySettings(requireNonNull(files, "files"), tokensFile, adminAccess);
    }

    public SecuritySettings withTokensFile(Path file) {
        return new SecuritySettings(tls, requireNonNull(file, "file"), adminAccess);
    }

    public SecuritySettings withAdminAccess(AdminAccess access) {
        return new SecuritySettings(tls, tokensFile, access);
    }
}
