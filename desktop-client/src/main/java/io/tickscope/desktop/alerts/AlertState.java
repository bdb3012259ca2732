package io.tickscope.desktop.alerts;

import io.tickscope.desktop.model.AlertFiring;
import io.tickscope.desktop.model.AlertKind;
import io.tickscope.desktop.model.AlertRule;
import io.tickscope.desktop.model.PriceTick;
import io.tickscope.shared.money.Amount;
import java.math.RoundingMode;
import java.time.Instant;
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
            above = rule.kind() == AlertKind.ABOVE;
            // In whole minor units, exactly: a price is at or above 10.005 when it is at or above 10.01, and at or
            // below it when it is at or below 10.00.
            level = rule.level()
                    .movePointRight(rule.currency().getDefaultFractionDigits())
                    .setScale(0, above ? RoundingMode.CEILING : RoundingMode.FLOOR)
                    .longValueExact();
        }

        @Override
        boolean crosses(long minorUnits, Instant time) {
            boolean beyond = above ? minorUnits >= level : minorUnits <= level;
            boolean crossed = Boolean.FALSE.equals(wasBeyond) && beyond;
            wasBeyond = beyond;
            return crossed;
        }
    }

    /**
     * A percentage move within a window. The window's ticks are kept as two rings of longs (time, price), so a
     * tick allocates nothing; the ring grows when the window holds more ticks than it has room for.
     */
    private static final class Move extends AlertState {

        private static final int INITIAL_CAPACITY = 16;

        private final Percentage percent;
        private final long windowNanos;
        /** Nanoseconds since the epoch and minor units of the window's ticks, oldest at {@link #first}. */
        private long[] times = new long[INITIAL_CAPACITY];

        private long[] prices = new long[INITIAL_CAPACITY];
        private int first;
        private int count;

        Move(AlertRule rule) {
            super(rule);
            percent = new Percentage(rule.level());
            windowNanos = rule.window().toNanos();
        }

        @Override
        boolean crosses(long minorUnits, Instant time) {
            long now = time.getEpochSecond() * 1_000_000_000L + time.getNano();
            long oldest = now - windowNanos;
            while (count > 0 && times[first] < oldest) {
                first = (first + 1) & (times.length - 1);
                count--;
            }
            boolean moved = false;
            if (count > 0 && prices[first] != 0) {
                long reference = prices[first];
                moved = percent.reachedBy(Math.abs(minorUnits - reference), Math.abs(reference));
            }
            if (moved) {
                // The next move is measured from here, so one move fires once.
                count = 0;
            }
            add(now, minorUnits);
            return moved;
        }

        private void add(long time, long minorUnits) {
            if (count == times.length) {
                grow();
            }
            int last = (first + count) & (times.length - 1);
            times[last] = time;
            prices[last] = minorUnits;
            count++;
        }

        /** Doubles the rings, the oldest tick first. */
        private void grow() {
            long[] grownTimes = new long[2 * times.length];
            long[] grownPrices = new long[2 * prices.length];
            for (int i = 0; i < count; i++) {
                int index = (first + i) & (times.length - 1);
                grownTimes[i] = times[index];
                grownPrices[i] = prices[index];
            }
            times = grownTimes;
            prices = grownPrices;
            first = 0;
        }
    }
}
