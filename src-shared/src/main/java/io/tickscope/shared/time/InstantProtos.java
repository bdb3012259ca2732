package io.tickscope.shared.time;

import com.google.protobuf.Timestamp;
import java.time.Instant;

/** Converts between {@link Instant} and the contract's {@code google.protobuf.Timestamp}, to the nanosecond. */
public final class InstantProtos {

    private InstantProtos() {}

    /** Returns {@code instant} as a {@code google.protobuf.Timestamp}. */
    public static Timestamp toProto(Instant instant) {
        return Timestamp.newBuilder()
                .setSeconds(instant.getEpochSecond())
                .setNanos(instant.getNano())
                .build();
    }

    /** Returns {@code timestamp} as an {@link Instant}; an unset timestamp is the epoch. */
    public static Instant fromProto(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }
}
