package io.tickscope.desktop.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickscope.desktop.model.PriceBar;
import io.tickscope.shared.money.Amount;
import io.tickscope.shared.time.BarResolution;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The join of history and live prices: by bucket, with no gap and no bar twice. */
class BarSeriesTest {

    private static final Instant MINUTE = Instant.parse("2026-12-06T10:00:00Z");

    private final BarSeries bars = new BarSeries();

    @Test
    void aPriceInTheLastBarsBucketExtendsIt() {
        bars.clear(BarResolution.ONE_MINUTE);
        bars.fill(List.of(bar(0, "10.00", "12.00", "9.00", "11.00"), bar(1, "11.00", "11.50", "10.50", "11.20")));

        assertThat(bars.add(MINUTE.plusSeconds(61), 12.5)).isEqualTo(BarSeries.Join.EXTENDED);
        assertThat(bars.add(MINUTE.plusSeconds(62), 10.0)).isEqualTo(BarSeries.Join.EXTENDED);

        assertThat(bars.size()).isEqualTo(2);
        assertThat(bars.openAt(1)).isEqualTo(11.0);
        assertThat(bars.highAt(1)).isEqualTo(12.5);
        assertThat(bars.lowAt(1)).isEqualTo(10.0);
        assertThat(bars.closeAt(1)).isEqualTo(10.0);
    }

    @Test
    void aPriceHistoryAlreadyCountedChangesNothingButTheClose() {
        bars.clear(BarResolution.ONE_MINUTE);
        bars.fill(List.of(bar(0, "10.00", "12.00", "9.00", "11.00")));

        // The stream's snapshot repeats the last change that history holds.
        bars.add(MINUTE.plusSeconds(30), 11.0);

        assertThat(bars.size()).isEqualTo(1);
        assertThat(new double[] {bars.openAt(0), bars.highAt(0), bars.lowAt(0), bars.closeAt(0)})
                .containsExactly(10.0, 12.0, 9.0, 11.0);
    }

    @Test
    void aLaterPriceOpensABarAndAnEarlierOneIsDropped() {
        bars.clear(BarResolution.ONE_MINUTE);
        bars.fill(List.of(bar(0, "10.00", "12.00", "9.00", "11.00"), bar(2, "11.00", "11.00", "11.00", "11.00")));

        assertThat(bars.add(MINUTE.plusSeconds(30), 50.0)).isEqualTo(BarSeries.Join.DROPPED);
        assertThat(bars.add(MINUTE.plusSeconds(185), 13.0)).isEqualTo(BarSeries.Join.APPENDED);

        assertThat(bars.size()).isEqualTo(3);
        assertThat(bars.startMillisAt(2)).isEqualTo(MINUTE.plusSeconds(180).toEpochMilli());
        assertThat(bars.highAt(0)).isEqualTo(12.0);
    }

    @Test
    void liveBarsAloneStartAtTheirBuckets() {
        bars.clear(BarResolution.ONE_SECOND);

        bars.add(MINUTE.plusMillis(1_250), 1.0);
        bars.add(MINUTE.plusMillis(1_750), 2.0);
        bars.add(MINUTE.plusMillis(2_001), 3.0);

        assertThat(bars.size()).isEqualTo(2);
        assertThat(bars.startMillisAt(0)).isEqualTo(MINUTE.plusSeconds(1).toEpochMilli());
        assertThat(bars.closeAt(0)).isEqualTo(2.0);
        assertThat(bars.nearest(MINUTE.plusMillis(2_400).toEpochMilli())).isEqualTo(1);
    }

    @Test
    void historyOutOfOrderIsRefused() {
        bars.clear(BarResolution.ONE_MINUTE);

        assertThatThrownBy(() -> bars.fill(List.of(bar(1, "1", "1", "1", "1"), bar(0, "1", "1", "1", "1"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("oldest first");
    }

    @Test
    void theOldestBarsGoWhenFull() {
        bars.clear(BarResolution.ONE_SECOND);
        for (int second = 0; second < BarSeries.MAX_BARS + 1; second++) {
            bars.add(MINUTE.plusSeconds(second), second);
        }

        assertThat(bars.size()).isLessThanOrEqualTo(BarSeries.MAX_BARS);
        assertThat(bars.closeAt(bars.size() - 1)).isEqualTo(BarSeries.MAX_BARS);
    }

    @Test
    void theCsvExportWritesTheBarsShownWithExactDecimals() {
        bars.clear(BarResolution.ONE_MINUTE);
        bars.fill(List.of(bar(0, "10.00", "12.00", "9.00", "11.00"), bar(1, "0.10", "1234567.89", "0.07", "0.30")));
        bars.add(MINUTE.plusSeconds(125), 11.99);

        assertThat(bars.csvLines(Currency.getInstance("USD")))
                .containsExactly(
                        "Start,End,Open,High,Low,Close,Currency\r\n",
                        "2026-12-06T10:00:00Z,2026-12-06T10:01:00Z,10.00,12.00,9.00,11.00,USD\r\n",
                        "2026-12-06T10:01:00Z,2026-12-06T10:02:00Z,0.10,1234567.89,0.07,0.30,USD\r\n",
                        "2026-12-06T10:02:00Z,2026-12-06T10:03:00Z,11.99,11.99,11.99,11.99,USD\r\n");
    }

    private static PriceBar bar(int minute, String open, String high, String low, String close) {
        Instant start = MINUTE.plusSeconds(60L * minute);
        return new PriceBar(
                start,
                start.plusSeconds(60),
                Amount.of("USD", open),
                Amount.of("USD", high),
                Amount.of("USD", low),
                Amount.of("USD", close),
                1);
    }
}
