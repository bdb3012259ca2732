package io.tickscope.desktop.explorer.call;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one call carries besides its messages: metadata, a deadline (null: none) and the compression of its
 * requests ({@code "identity"} or {@code "gzip"}).
 */
public record CallSettings(List<Header> metadata, @Nullable Duration deadline, String compression) {

    public static final String NO_COMPRESSION = "identity";

    public CallSettings {
        metadata = List.copyOf(metadata);
        requireNonNull(compression, "compression");
        if (deadline != null && (deadline.isNegative() || deadline.isZero())) {
            throw new IllegalArgumentException("deadline: " + deadline + " (expected: positive, or none)");
        }
    }

    public static CallSettings defaults() {
        return new CallSettings(List.of(), Duration.ofSeconds(10), NO_COMPRESSION);
    }
}
