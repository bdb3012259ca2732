package io.tickscope.desktop.explorer.saved;

import static java.util.Objects.requireNonNull;

/**
 * A composed call kept under a name: the method ({@code package.Service/Method}), the request's JSON, the
 * metadata lines, the deadline in seconds (empty: none) and the compression.
 */
public record SavedCall(
        String name, String method, String request, String metadata, String deadlineSeconds, String compression) {

    public SavedCall {
        requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("saved call name: empty (expected: a name to find it by)");
        }
        requireNonNull(method, "method");
        requireNonNull(request, "request");
        requireNonNull(metadata, "metadata");
        requireNonNull(deadlineSeconds, "deadlineSeconds");
        requireNonNull(compression, "compression");
    }

    @Override
    public String toString() {
        return name;
    }
}
