package io.tickscope.desktop.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.tickscope.shared.time.BarResolution;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The price axis's span: every visible bar's high and low inside it, a flat price still given a height. */
class PriceSpanTest {

    private static final Instant MINUTE = Instant.parse("2026-12-06T10:00:00Z");

    private final BarSeries bars = new BarSeries();

    @Test
    void candlesSpanTheLowestLowToTheHighestHighOfTheVisibleBars() {
        bars.clear(BarResolution.ONE_MINUTE);
        candle(0, 10, 15, 8, 11);
        candle(1, 11, 12, 9, 10);
        candle(2, 10, 30, 1, 10);

        PriceSpan all = PriceSpan.ofBars(bars, Long.MIN_VALUE, Long.MAX_VALUE, ChartStyle.CANDLES);
        PriceSpan firstTwo = PriceSpan.ofBars(bars, start(0), start(1), ChartStyle.CANDLES);

        assertThat(all).isEqualTo(new PriceSpan(1, 30));
        assertThat(firstTwo).isEqualTo(new PriceSpan(8, 15));
    }

    @Test
    void aLineSpansTheClosesOnly() {
        bars.clear(BarResolution.ONE_MINUTE);
        candle(0, 10, 15, 8, 11);
        candle(1, 11, 12, 9, 10);

        assertThat(PriceSpan.ofBars(bars, Long.MIN_VALUE, Long.MAX_VALUE, ChartStyle.LINE))
                .isEqualTo(new PriceSpan(10, 11));
    }

    @Test
    void noVisibleBarGivesNoSpan() {
        bars.clear(BarResolution.ONE_MINUTE);
        candle(0, 10, 15, 8, 11);

        assertThat(PriceSpan.ofBars(bars, start(1), start(5), ChartStyle.CANDLES))
                .isNull();
    }

    @Test
    void paddingAddsRoomAboveAndBelowAndGivesAFlatPriceAHeight() {
        assertThat(new PriceSpan(10, 20).padded(0.05)).isEqualTo(new PriceSpan(9.5, 20.5));

        PriceSpan flat = new PriceSpan(50, 50).padded(0.05);
        assertThat(flat.low()).isLessThan(50);
        assertThat(flat.high()).isGreaterThan(50);
        assertThat(flat.high() - flat.low()).isCloseTo(0.5, offset(1e-9));
    }

    @Test
    void scalingZoomsAboutTheCentre() {
        assertThat(new PriceSpan(10, 20).scaled(0.5)).isEqualTo(new PriceSpan(12.5, 17.5));
        assertThat(new PriceSpan(10, 20).scaled(2)).isEqualTo(new PriceSpan(5, 25));
    }

    /** A bar {@code minute} minutes after {@link #MINUTE}, live prices making its open, high, low and close. */
    private void candle(int minute, double open, double high, double low, double close) {
        Instant start = MINUTE.plusSeconds(60L * minute);
        bars.add(start, open);
        bars.add(start.plusSeconds(1), high);
        bars.add(start.plusSeconds(2), low);
        bars.add(start.plusSeconds(3), close);
    }

    private static long start(int minute) {
        return MINUTE.plusSeconds(60L * minute).toEpochMilli();
    }
}
