package io.tickscope.desktop.explorer.saved;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One call made: when (ISO-8601), in which environment, what was sent, how it ended, and its first responses
 * as JSON.
 */
public record HistoryEntry(
        String time,
        String environment,
        String method,
        String request,
        String metadata,
        String status,
        long latencyMillis,
        List<String> responses) {

    public HistoryEntry {
        requireNonNull(time, "time");
        requireNonNull(environment, "environment");
        requireNonNull(method, "method");
        requireNonNull(request, "request");
        requireNonNull(metadata, "metadata");
        requireNonNull(status, "status");
        responses = List.copyOf(responses);
    }

    @Override
    public String toString() {
        return time + "  " + method + "  " + status;
    }
}
