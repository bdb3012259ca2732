package io.tickscope.server.security;

import org.jspecify.annotations.Nullable;

/** What a method or page needs before it serves a caller. */
enum Access {
    /** Anyone: the health check, which load balancers call without credentials. */
    OPEN(null),
    READER(Role.READER),
    PUBLISHER(Role.PUBLISHER),
    /** Admin surfaces: DocService, metrics and reflection, open or closed by {@link AdminAccess}. */
    ADMIN_SURFACE(Role.ADMIN),
    /** Anything the server does not know, such as a service added later: fails closed. */
    ADMIN(Role.ADMIN);

    private final @Nullable Role role;

    Access(@Nullable Role role) {
        this.role = role;
    }

    /** The role a token needs; null for {@link #OPEN}. */
    @Nullable
    Role role() {
        return role;
    }
}
