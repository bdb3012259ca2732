package io.tickscope.server.grpc;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * One event of an HTTP stream, already printed as JSON: a message of the call, the error that ended it, or its
 * normal end.
 *
 * @param id the Server-Sent Events id a client resumes from, or null when the stream has none
 */
record HttpStreamEvent(Kind kind, String json, @Nullable String id) {

    enum Kind {
        MESSAGE("message"),
        /** The call failed after the stream started: the JSON error body REST routes answer with. */
        ERROR("error"),
        /** The call completed; a browser's EventSource would otherwise reconnect and start again. */
        END("end");

        private final String eventName;

        Kind(String eventName) {
            this.eventName = eventName;
        }

        String eventName() {
            return eventName;
        }
    }

    HttpStreamEvent {
        requireNonNull(kind, "kind");
        requireNonNull(json, "json");
    }
}
