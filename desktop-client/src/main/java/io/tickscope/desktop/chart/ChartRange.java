package io.tickscope.desktop.chart;

import io.tickscope.shared.time.BarResolution;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * How far back the chart reaches, and the bar length that gives a few hundred to a few thousand bars over it:
 * an hour of seconds (3,600 at most), a day of minutes (1,440), a week of five minutes (2,016), and every day.
 */
public enum ChartRange {
    ONE_HOUR("1h", Duration.ofHours(1), BarResolution.ONE_SECOND),
    ONE_DAY("1d", Duration.ofDays(1), BarResolution.ONE_MINUTE),
    ONE_WEEK("1w", Duration.ofDays(7), BarResolution.FIVE_MINUTES),
    ALL("all", null, BarResolution.ONE_DAY);

    private final String label;
    /** Null for all history. */
    private final @Nullable Duration length;

    private final BarResolution resolution;

    ChartRange(String label, @Nullable Duration length, BarResolution resolution) {
        this.label = label;
        this.length = length;
        this.resolution = resolution;
    }

    /** The button's text, such as "1h". */
    public String label() {
        return label;
    }

    public BarResolution resolution() {
        return resolution;
    }

    /** Returns where the range starts when it ends at {@code now}; all history starts at the epoch. */
    public Instant startAt(Instant now) {
        Duration back = length;
        return back == null ? Instant.EPOCH : now.minus(back);
    }
}
