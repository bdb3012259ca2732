package io.tickscope.desktop.chart;

import static java.util.Objects.requireNonNull;

import io.tickscope.desktop.model.PriceBar;
import io.tickscope.desktop.ui.Csv;
import io.tickscope.shared.money.Amount;
import io.tickscope.shared.time.BarResolution;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;

/**
 * One product's bars, oldest first, in growing arrays of primitives: filled from history, then carried on by
 * live prices. The join is by bucket: a price in the last bar's bucket extends that bar, a later one opens a
 * new bar, an earlier one is already in history and is dropped. Extending is idempotent for a price history
 * already counted (high and low keep, close is the latest price), so the seam has no gap and no duplicate
 * however history and the stream overlap. UI thread only.
 */
final class BarSeries {

    /** The most bars held; past it the oldest go, so a chart left open for days stays the same size. */
    static final int MAX_BARS = 20_000;

    /** The columns of {@link #csvLines}. */
    static final List<String> CSV_HEADER = List.of("Start", "End", "Open", "High", "Low", "Close", "Currency");

    private static final int INITIAL_CAPACITY = 256;

    /** What a live price did to the bars. */
    enum Join {
        /** It fell in a bucket before the last bar's: history holds it already. */
        DROPPED,
        /** It fell in the last bar's bucket and moved its high, low or close. */
        EXTENDED,
        /** It opened a new bar. */
        APPENDED
    }

    private BarResolution resolution = BarResolution.ONE_SECOND;
    private long[] startMillis = new long[INITIAL_CAPACITY];
    private double[] open = new double[INITIAL_CAPACITY];
    private double[] high = new double[INITIAL_CAPACITY];
    private double[] low = new double[INITIAL_CAPACITY];
    private double[] close = new double[INITIAL_CAPACITY];
    private int size;

    /** Forgets every bar; bars from now on are {@code resolution} long. */
    void clear(BarResolution newResolution) {
        resolution = requireNonNull(newResolution, "newResolution");
        size = 0;
    }

    BarResolution resolution() {
        return resolution;
    }

    /** Replaces the bars with {@code history}, which is oldest first and of this series' resolution. */
    void fill(List<PriceBar> history) {
        size = 0;
        int skip = Math.max(0, history.size() - MAX_BARS);
        for (PriceBar bar : history.subList(skip, history.size())) {
            long start = bar.startTime().toEpochMilli();
            if (size > 0 && start <= startMillis[size - 1]) {
                throw new IllegalArgumentException("bar at " + bar.startTime() + " (expected: after "
                        + Instant.ofEpochMilli(startMillis[size - 1]) + ", oldest first)");
            }
            append(start, decimal(bar.open()), decimal(bar.high()), decimal(bar.low()), decimal(bar.close()));
        }
    }

    /** Adds a live price that the server applied at {@code time}. */
    Join add(Instant time, double price) {
        long bucket = resolution.bucketStartMillis(time.toEpochMilli());
        if (size > 0) {
            int last = size - 1;
            if (bucket < startMillis[last]) {
                return Join.DROPPED;
            }
            if (bucket == startMillis[last]) {
                high[last] = Math.max(high[last], price);
                low[last] = Math.min(low[last], price);
                close[last] = price;
                return Join.EXTENDED;
            }
        }
        append(bucket, price, price, price, price);
        return Join.APPENDED;
    }

    int size() {
        return size;
    }

    long startMillisAt(int index) {
        return startMillis[checked(index)];
    }

    double openAt(int index) {
        return open[checked(index)];
    }

    double highAt(int index) {
        return high[checked(index)];
    }

    double lowAt(int index) {
        return low[checked(index)];
    }

    double closeAt(int index) {
        return close[checked(index)];
    }

    /** Returns the index of the bar whose bucket holds {@code epochMillis} or is nearest to it; -1 when empty. */
    int nearest(long epochMillis) {
        if (size == 0) {
            return -1;
        }
        int found = Arrays.binarySearch(startMillis, 0, size, resolution.bucketStartMillis(epochMillis));
        if (found >= 0) {
            return found;
        }
        int after = -found - 1;
        if (after == 0) {
            return 0;
        }
        if (after == size) {
            return size - 1;
        }
        return epochMillis - startMillis[after - 1] <= startMillis[after] - epochMillis ? after - 1 : after;
    }

    /**
     * Returns the bars as CSV lines, a header first: each bar's bucket start and end (ISO-8601 instants), open,
     * high, low and close as plain decimals of {@code currency}, and the currency's code.
     */
    List<String> csvLines(Currency currency) {
        String code = currency.getCurrencyCode();
        int digits = currency.getDefaultFractionDigits();
        long lengthMillis = resolution.length().toMillis();
        List<String> lines = new ArrayList<>(size + 1);
        lines.add(Csv.line(CSV_HEADER));
        for (int i = 0; i < size; i++) {
            lines.add(Csv.line(List.of(
                    Instant.ofEpochMilli(startMillis[i]).toString(),
                    Instant.ofEpochMilli(startMillis[i] + lengthMillis).toString(),
                    exact(open[i], digits),
                    exact(high[i], digits),
                    exact(low[i], digits),
                    exact(close[i], digits),
                    code)));
        }
        return lines;
    }

    /** The decimal a plotted price came from: it was a whole number of minor units, so rounding finds it again. */
    private static String exact(double price, int digits) {
        return BigDecimal.valueOf(price)
                .setScale(digits, RoundingMode.HALF_EVEN)
                .toPlainString();
    }

    /** Returns {@code amount} as a double: the chart plots positions, so no exact decimal is needed. */
    static double decimal(Amount amount) {
        return amount.minorUnits() / Math.pow(10, amount.currency().getDefaultFractionDigits());
    }

    private void append(long start, double o, double h, double l, double c) {
        if (size == MAX_BARS) {
            dropOldest(MAX_BARS / 10);
        }
        if (size == startMillis.length) {
            int capacity = Math.min(MAX_BARS, startMillis.length * 2);
            startMillis = Arrays.copyOf(startMillis, capacity);
            open = Arrays.copyOf(open, capacity);
            high = Arrays.copyOf(high, capacity);
            low = Arrays.copyOf(low, capacity);
            close = Arrays.copyOf(close, capacity);
        }
        startMillis[size] = start;
        open[size] = o;
        high[size] = h;
        low[size] = l;
        close[size] = c;
        size++;
    }

    private void dropOldest(int count) {
        int kept = size - count;
        System.arraycopy(startMillis, count, startMillis, 0, kept);
        System.arraycopy(open, count, open, 0, kept);
        System.arraycopy(high, count, high, 0, kept);
        System.arraycopy(low, count, low, 0, kept);
        System.arraycopy(close, count, close, 0, kept);
        size = kept;
    }

    private int checked(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index: " + index + " (expected: 0 to " + (size - 1) + ")");
        }
        return index;
    }
}
