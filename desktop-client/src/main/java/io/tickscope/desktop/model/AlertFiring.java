package io.tickscope.desktop.model;

import static java.util.Objects.requireNonNull;

import io.tickscope.shared.money.Amount;
import java.time.Instant;

/**
 * One alert that fired: on which tick, at what price.
 *
 * @param time the event time of the tick that fired it (the server's, so a replay logs the recorded times)
 * @param price the list price of that tick
 */
public record AlertFiring(AlertRule rule, Instant time, Amount price) {

    public AlertFiring {
        requireNonNull(rule, "rule");
        requireNonNull(time, "time");
        requireNonNull(price, "price");
    }
}
