package io.tickscope.server.grpc;

import com.google.protobuf.Timestamp;
import java.time.Instant;

/** Converts instants to and from {@code google.protobuf.Timestamp}. */
final class Timestamps {

    private Timestamps() {}

    static Timestamp toProto(Instant instant) {
        return Timestamp.newBuilder()
                .setSeconds(instant.getEpochSecond())
                .setNanos(instant.getNano())
                .build();
    }

    static Instant fromProto(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }
}
