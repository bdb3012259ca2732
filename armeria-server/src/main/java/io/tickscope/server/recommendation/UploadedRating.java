package io.tickscope.server.recommendation;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A rating as an upload carries it: the rating and, when the client gave one, the idempotency key that makes a
 * resend of it a no-op.
 *
 * @param idempotencyKey the client's key for this rating, 1 to {@value #MAX_KEY_LENGTH} characters without
 *     control characters, or null when the client gave none and a resend stores the rating again
 */
public record UploadedRating(Rating rating, @Nullable String idempotencyKey) {

    /** The longest idempotency key, in UTF-16 code units. */
    public static final int MAX_KEY_LENGTH = 128;

    public UploadedRating {
        requireNonNull(rating, "rating");
        if (idempotencyKey != null) {
            String problem = keyProblem(idempotencyKey);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
        }
    }

    /**
     * Returns what is wrong with {@code key} as an idempotency key, naming the bad value and what was expected, or
     * null when it is a good one. Control characters are refused, NUL above all: the store would see the key end
     * there, and keys that differ only after it would be one key.
     */
    public static @Nullable String keyProblem(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            return "idempotency_key: " + key.length() + " characters (expected: 1 to " + MAX_KEY_LENGTH + ")";
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isISOControl(c)) {
                return String.format(
                        Locale.ROOT,
                        "idempotency_key: control character U+%04X at %d (expected: printable text, for example a"
                                + " UUID)",
                        (int) c,
                        i);
            }
        }
        return null;
    }

    /** Returns whether the rating carries an idempotency key. */
    public boolean isKeyed() {
        return idempotencyKey != null;
    }
}
