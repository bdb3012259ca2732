package io.tickscope.desktop.explorer.command;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A composed call as a command line needs it: where ({@code host:port}, TLS or not, with which CA and client
 * certificate), which method ({@code package.Service/Method}), the metadata as {@code name: value} pairs, the
 * request as one line of JSON, and the deadline.
 */
public record CallSpec(
        String authority,
        boolean tls,
        @Nullable Path caFile,
        @Nullable Path certificateFile,
        @Nullable Path keyFile,
        String method,
        List<Map.Entry<String, String>> metadata,
        String jsonBody,
        @Nullable Duration deadline) {

    public CallSpec {
        requireNonNull(authority, "authority");
        requireNonNull(method, "method");
        metadata = List.copyOf(metadata);
        requireNonNull(jsonBody, "jsonBody");
    }
}
