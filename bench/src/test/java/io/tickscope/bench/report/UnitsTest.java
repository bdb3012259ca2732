package io.tickscope.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnitsTest {

    @Test
    void ratiosKeepThreeDecimalsWhileSmall() {
        assertThat(Units.format(0.29163, Units.RATIO)).isEqualTo("0.292");
        assertThat(Units.format(33.71, Units.RATIO)).isEqualTo("33.7");
        assertThat(Units.format(141.2, Units.RATIO)).isEqualTo("141");
    }

    @Test
    void largeFiguresAreGroupedWithoutDecimals() {
        assertThat(Units.format(1_234_567.8, Units.UPDATES_PER_SECOND)).isEqualTo("1,234,568");
        assertThat(Units.format(4.031, Units.MICROS)).isEqualTo("4.03");
    }

    @Test
    void unmeasuredFigureReadsNotAvailable() {
        assertThat(Units.format(Double.NaN, Units.RATIO)).isEqualTo("n/a");
    }
}
