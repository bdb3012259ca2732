package io.tickscope.server.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a bearer token allows. Roles do not imply one another, except {@link #ADMIN}, which allows everything:
 * a price feeder holds {@code publisher} alone and cannot read, and a token that does both lists both.
 */
public enum Role {
    /** Reads prices (every PricingService method but PublishPrices), recommendations and users. */
    READER,
    /** Pushes price changes with PricingService/PublishPrices. */
    PUBLISHER,
    /** Everything, including DocService, metrics and server reflection from any address. */
    ADMIN;

    /** The name used in the tokens file and in messages: {@code reader}, {@code publisher}, {@code admin}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Role parse(String text) {
        for (Role role : values()) {
            if (role.label().equals(text)) {
                return role;
            }
        }
        throw new IllegalArgumentException("role: \"" + text + "\" (expected: one of "
                + Arrays.stream(values()).map(Role::label).collect(Collectors.joining(", ")) + ")");
    }
}
