package io.tickscope.desktop.alerts;

import io.tickscope.desktop.model.AlertFiring;
import io.tickscope.desktop.model.AlertKind;
import io.tickscope.desktop.model.AlertRule;
import io.tickscope.desktop.model.PriceTick;
import io.tickscope.shared.money.Amount;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayDeque;
import org.jspecify.annotations.Nullable;

/**
 * What one alert has seen, and whether a tick fires it. An alert fires on a crossing: a tick on the far side of
 * its level after a tick on the near side (a move: the first tick whose change over the window reaches the
 * percentage, after which the window starts again from that tick). A first tick that is already beyond the
 * level only tells the alert where the price is. A one-shot alert fires once, ever.
 */
abstract class AlertState {

    private final AlertRule rule;
    private boolean spent;

    AlertState(AlertRule rule) {
        this.rule = rule;
    }

    /** Returns the state of a new alert, which has seen {@code latest} (the product's last tick) if known. */
    static AlertState of(AlertRule rule, @Nullable PriceTick latest) {
        AlertState state = rule.kind() == AlertKind.MOVE ? new Move(rule) : new Level(rule);
        if (latest != null) {
            // Only tells the alert where the price is: a new alert fires on the next crossing, not on this tick.
            state.check(latest);
        }
        return state;
    }

    final AlertRule rule() {
        return rule;
    }

    /** Returns the firing {@code tick} causes, or null; synchronized as the rules may be replaced meanwhile. */
    final synchronized @Nullable AlertFiring check(PriceTick tick) {
        Amount price = tick.quote().basePrice();
        if (spent || !price.currency().equals(rule.currency())) {
            return null;
        }
        if (!crosses(price.minorUnits(), tick.eventTime())) {
            return null;
        }
        spent = !rule.repeating();
        return new AlertFiring(rule, tick.eventTime(), price);
    }

    /** Takes in one price; returns whether it crosses the alert's line. */
    abstract boolean crosses(long minorUnits, Instant time);

    /** Above or below a level. */
    private static final class Level extends AlertState {

        private final long level;
        private final boolean above;
        private @Nullable Boolean wasBeyond;

        Level(AlertRule rule) {
            super(rule);
            level = rule.level()
                    .movePointRight(rule.currency().getDefaultFractionDigits())
                    .setScale(0, RoundingMode.HALF_UP)
                    .longValueExact();
            above = rule.kind() == AlertKind.ABOVE;
        }

        @Override
        boolean crosses(long minorUnits, Instant time) {
            boolean beyond = above ? minorUnits >= level : minorUnits <= level;
            boolean crossed = Boolean.FALSE.equals(wasBeyond) && beyond;
            wasBeyond = beyond;
            return crossed;
        }
    }

    /** A percentage move within a window. */
    private static final class Move extends AlertState {

        private final double percent;
        private final long windowNanos;
        private final ArrayDeque<Instant> times = new ArrayDeque<>();
        private final ArrayDeque<Long> prices = new ArrayDeque<>();

        Move(AlertRule rule) {
            super(rule);
            percent = rule.level().doubleValue();
            windowNanos = rule.window().toNanos();
        }

        @Override
        boolean crosses(long minorUnits, Instant time) {
            Instant oldest = time.minusNanos(windowNanos);
            while (!times.isEmpty() && times.peekFirst().isBefore(oldest)) {
                times.removeFirst();
                prices.removeFirst();
            }
            Long reference = prices.peekFirst();
            times.addLast(time);
            prices.addLast(minorUnits);
            if (reference == null || reference == 0) {
                return false;
            }
            boolean moved = Math.abs(minorUnits - reference) * 100.0 >= percent * Math.abs(reference);
            if (moved) {
                // The next move is measured from here, so one move fires once.
                times.clear();
                prices.clear();
                times.addLast(time);
                prices.addLast(minorUnits);
            }
            return moved;
        }
    }
}
