package io.tickscope.server.grpc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.common.sse.ServerSentEvent;
import com.linecorp.armeria.common.sse.ServerSentEventBuilder;
import com.linecorp.armeria.common.stream.StreamMessage;
import com.linecorp.armeria.server.streaming.JsonLines;
import com.linecorp.armeria.server.streaming.ServerSentEvents;
import io.tickscope.server.error.InvalidArgumentException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How an HTTP stream is framed, chosen by the request's {@code Accept}: Server-Sent Events (one event per
 * message, with ids for resuming) or NDJSON (one JSON value per line). Armeria's {@link ServerSentEvents} and
 * {@link JsonLines} do the framing.
 */
enum HttpStreamFormat {
    SERVER_SENT_EVENTS(MediaType.EVENT_STREAM) {
        @Override
        HttpResponse respond(StreamMessage<HttpStreamEvent> events) {
            return ServerSentEvents.fromPublisher(headers(), events, HttpStreamFormat::toServerSentEvent);
        }
    },
    NDJSON(MediaType.JSON_LINES) {
        @Override
        HttpResponse respond(StreamMessage<HttpStreamEvent> events) {
            // The messages are JSON already (the gRPC service's printer): Jackson writes them as they are.
            return JsonLines.fromPublisher(headers(), events.map(HttpStreamFormat::toJsonLine), RAW_JSON);
        }
    };

    private static final ObjectMapper RAW_JSON = new ObjectMapper();

    private final MediaType mediaType;

    HttpStreamFormat(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    /** Answers with {@code events}, written as they come; the response ends when the stream does. */
    abstract HttpResponse respond(StreamMessage<HttpStreamEvent> events);

    ResponseHeaders headers() {
        return ResponseHeaders.builder(200)
                .contentType(mediaType)
                .set("cache-control", "no-cache")
                .build();
    }

    /**
     * Picks the format the client accepts first: {@code text/event-stream}, {@code application/x-ndjson}, or
     * Server-Sent Events for a client that accepts anything (curl's {@code * / *}) or says nothing.
     */
    static HttpStreamFormat negotiate(RequestHeaders headers) {
        List<MediaType> accepted = headers.accept();
        if (accepted.isEmpty()) {
            return SERVER_SENT_EVENTS;
        }
        for (MediaType range : accepted) {
            for (HttpStreamFormat format : values()) {
                if (format.mediaType.belongsTo(range)) {
                    return format;
                }
            }
        }
        throw InvalidArgumentException.of(
                "accept",
                headers.get("accept") + " (expected: " + MediaType.EVENT_STREAM + " or " + MediaType.JSON_LINES + ')');
    }

    private static ServerSentEvent toServerSentEvent(HttpStreamEvent event) {
        ServerSentEventBuilder builder = ServerSentEvent.builder().data(event.json());
        if (event.kind() != HttpStreamEvent.Kind.MESSAGE) {
            builder.event(event.kind().eventName());
        }
        @Nullable String id = event.id();
        if (id != null) {
            builder.id(id);
        }
        return builder.build();
    }

    /** A line is the message itself; an error or the end is wrapped so that no one takes it for a message. */
    private static RawValue toJsonLine(HttpStreamEvent event) {
        return new RawValue(
                event.kind() == HttpStreamEvent.Kind.MESSAGE
                        ? event.json()
                        : "{\"" + event.kind().eventName() + "\":" + event.json() + '}');
    }
}
