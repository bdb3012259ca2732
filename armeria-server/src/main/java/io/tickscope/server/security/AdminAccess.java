package io.tickscope.server.security;

import java.util.Locale;

/** Who may open the admin surfaces: DocService at /docs, metrics at /internal/metrics and server reflection. */
public enum AdminAccess {
    /**
     * Open to peers on loopback, so that development needs no token; from any other address an admin token is
     * needed. The default. The peer is the TCP peer: behind a reverse proxy on the same host every caller looks
     * like loopback, so such a deployment wants {@link #ADMIN}.
     */
    LOOPBACK,
    /** An admin token from every address, loopback included. */
    ADMIN,
    /** Nobody: the pages answer 404 and reflection UNIMPLEMENTED. */
    CLOSED;

    /** The value of the {@code --admin-access} flag: {@code loopback}, {@code admin} or {@code closed}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns the {@link #label()}, so that help and messages spell it as the flag does. */
    @Override
    public String toString() {
        return label();
    }
}
