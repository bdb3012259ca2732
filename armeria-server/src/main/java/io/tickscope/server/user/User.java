package io.tickscope.server.user;

import static java.util.Objects.requireNonNull;

import io.tickscope.server.pricing.Segment;

/** A customer of the shop. */
public record User(String userId, String displayName, String email, Segment segment) {

    public User {
        requireNonNull(userId, "userId");
        requireNonNull(displayName, "displayName");
        requireNonNull(email, "email");
        requireNonNull(segment, "segment");
    }
}
