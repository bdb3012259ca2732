package io.tickscope.server.security;

import static java.util.Objects.requireNonNull;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who a bearer token belongs to, as the tokens file names it, and what it may do.
 *
 * @param name the token's name in the tokens file, for logs and messages; never the token itself
 * @param roles what the token allows
 */
public record Caller(String name, Set<Role> roles) {

    public Caller {
        requireNonNull(name, "name");
        roles = Set.copyOf(roles);
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("roles of " + name + ": [] (expected: at least one role)");
        }
    }

    /** Returns whether this caller may do what {@code role} allows; admin may do everything. */
    public boolean holds(Role role) {
        return roles.contains(role) || roles.contains(Role.ADMIN);
    }

    /** The roles in declaration order, as in messages: {@code [reader, publisher]}. */
    String describeRoles() {
        return EnumSet.copyOf(roles).stream().map(Role::label).toList().toString();
    }
}
