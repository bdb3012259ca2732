package io.tickscope.desktop.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One update of a recording: the tick and when the monitor that recorded it received it.
 *
 * @param receivedAt the recording monitor's clock when the update arrived; replays keep these gaps
 */
public record RecordedTick(Instant receivedAt, PriceTick tick) {

    public RecordedTick {
        requireNonNull(receivedAt, "receivedAt");
        requireNonNull(tick, "tick");
    }
}
