package io.tickscope.server.security;

import static java.util.Objects.requireNonNull;

/**
 * The answer of {@link AccessPolicy} for one call: let it through, or refuse it with a reason the caller can
 * read.
 *
 * @param outcome what happens to the call
 * @param reason why, for the caller; empty when allowed
 */
record Verdict(Outcome outcome, String reason) {

    private static final Verdict ALLOWED = new Verdict(Outcome.ALLOWED, "");

    enum Outcome {
        ALLOWED,
        /** No token, a malformed header or a token the server does not know: gRPC UNAUTHENTICATED, HTTP 401. */
        UNAUTHENTICATED,
        /** A known token without the role: gRPC PERMISSION_DENIED, HTTP 403. */
        PERMISSION_DENIED,
        /** A surface turned off by configuration: gRPC UNIMPLEMENTED, HTTP 404. */
        CLOSED
    }

    Verdict {
        requireNonNull(outcome, "outcome");
        requireNonNull(reason, "reason");
    }

    static Verdict allowed() {
        return ALLOWED;
    }

    static Verdict unauthenticated(String reason) {
        return new Verdict(Outcome.UNAUTHENTICATED, reason);
    }

    static Verdict permissionDenied(String reason) {
        return new Verdict(Outcome.PERMISSION_DENIED, reason);
    }

    static Verdict closed(String reason) {
        return new Verdict(Outcome.CLOSED, reason);
    }

    boolean isAllowed() {
        return outcome == Outcome.ALLOWED;
    }
}
