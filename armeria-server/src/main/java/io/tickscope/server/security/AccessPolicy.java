package io.tickscope.server.security;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether one call may proceed, from what it needs, the TCP peer's address and the Authorization header.
 * The gRPC interceptor and the HTTP decorator both ask it, so the rules live in one place:
 *
 * <ul>
 *   <li>Without a tokens file, authentication is off: every service method is open (development).
 *   <li>With one, a method needs a bearer token whose roles include the method's ({@link Role}), among the tokens
 *       in force when the call starts. A reload of the file changes which tokens those are, never whether tokens
 *       are needed: a file without token lines accepts no token.
 *   <li>Admin surfaces follow {@link AdminAccess}, whether or not tokens are configured.
 *   <li>The health check is always open.
 * </ul>
 */
final class AccessPolicy {

    private static final String BEARER = "bearer ";

    private final @Nullable Supplier<TokenFile> tokens;
    private final AdminAccess adminAccess;

    /**
     * @param tokens the tokens in force, asked once per call; null turns authentication off
     * @param adminAccess who may open the admin surfaces
     */
    AccessPolicy(@Nullable Supplier<TokenFile> tokens, AdminAccess adminAccess) {
        this.tokens = tokens;
        this.adminAccess = requireNonNull(adminAccess, "adminAccess");
    }

    /**
     * Decides for a call to {@code target} (a method or a path, for messages) that needs {@code access}, from
     * {@code peer}, with {@code authorization} (the raw header value, or null when absent).
     */
    Verdict check(Access access, String target, InetAddress peer, @Nullable String authorization) {
        return switch (access) {
            case OPEN -> Verdict.allowed();
            case ADMIN_SURFACE -> checkAdminSurface(target, peer, authorization);
            case READER, PUBLISHER, ADMIN ->
                tokens == null
                        ? Verdict.allowed()
                        : checkRole(tokens.get(), requireNonNull(access.role(), "role"), target, authorization);
        };
    }

    private Verdict checkAdminSurface(String target, InetAddress peer, @Nullable String authorization) {
        return switch (adminAccess) {
            case CLOSED -> Verdict.closed(target + " is closed on this server (--admin-access=closed)");
            case LOOPBACK ->
                peer.isLoopbackAddress()
                        ? Verdict.allowed()
                        : checkAdminToken(target + " from " + peer.getHostAddress(), authorization);
            case ADMIN -> checkAdminToken(target, authorization);
        };
    }

    private Verdict checkAdminToken(String target, @Nullable String authorization) {
        if (tokens == null) {
            return Verdict.unauthenticated(
                    target + " needs an admin token, and this server has no tokens file"
                            + " (expected: --tokens-file with an admin token, or a loopback peer with --admin-access=loopback)");
        }
        return checkRole(tokens.get(), Role.ADMIN, target, authorization);
    }

    private static Verdict checkRole(TokenFile tokens, Role role, String target, @Nullable String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Verdict.unauthenticated(
                    target + " needs a bearer token (expected: header authorization: Bearer <token>)");
        }
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String scheme = authorization.strip().split(" ", 2)[0];
            return Verdict.unauthenticated(
                    "authorization scheme: " + scheme.toLowerCase(Locale.ROOT) + " (expected: Bearer <token>)");
        }
        Optional<Caller> caller =
                tokens.authenticate(authorization.substring(BEARER.length()).strip());
        if (caller.isEmpty()) {
            return Verdict.unauthenticated(
                    "bearer token: not known to this server (expected: a token in its tokens file)");
        }
        Caller known = caller.get();
        if (!known.holds(role)) {
            return Verdict.permissionDenied("token " + known.name() + " has roles " + known.describeRoles()
                    + " (expected: " + role.label() + " for " + target + ")");
        }
        return Verdict.allowed();
    }
}
