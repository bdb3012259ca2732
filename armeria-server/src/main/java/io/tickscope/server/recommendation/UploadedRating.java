package io.tickscope.server.recommendation;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A rating as an upload carries it: the rating and, when the client gave one, the idempotency key that makes a
 * resend of it a no-op.
 *
 * @param idempotencyKey the client's key for this rating, 1 to {@value #MAX_KEY_LENGTH} characters, or null
 *     when the client gave none and a resend stores the rating again
 */
public record UploadedRating(Rating rating, @Nullable String idempotencyKey) {

    /** The longest idempotency key, in UTF-16 code units. */
    public static final int MAX_KEY_LENGTH = 128;

    public UploadedRating {
        requireNonNull(rating, "rating");
        if (idempotencyKey != null && (idempotencyKey.isEmpty() || idempotencyKey.length() > MAX_KEY_LENGTH)) {
            throw new IllegalArgumentException("idempotencyKey: " + idempotencyKey.length()
                    + " characters (expected: 1 to " + MAX_KEY_LENGTH + ")");
        }
    }

    /** Returns whether the rating carries an idempotency key. */
    public boolean isKeyed() {
        return idempotencyKey != null;
    }
}
