package io.tickscope.desktop.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WireFormatTest {

    @ParameterizedTest
    @CsvSource({
        "0, 0 µs",
        "931, 931 µs",
        "999, 999 µs",
        "1000, 1.00 ms",
        "1559, 1.56 ms",
        "9994, 9.99 ms",
        "9996, 10.0 ms",
        "59400, 59.4 ms",
        "99960, 100 ms",
        "613100, 613 ms",
        "999600, 1.00 s",
        "2213000, 2.21 s"
    })
    void latenciesKeepThreeDigitsInTheUnitThatFits(long micros, String shown) {
        assertThat(WireFormat.micros(micros)).isEqualTo(shown);
    }
}
