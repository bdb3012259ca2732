package io.tickscope.desktop.explorer;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** One response of a call as the Explorer lists it: its number, when it arrived, its JSON and both sizes. */
public record ResponseRow(int number, Instant receivedAt, String json, int protobufBytes, int jsonBytes) {

    public ResponseRow {
        requireNonNull(receivedAt, "receivedAt");
        requireNonNull(json, "json");
    }
}
