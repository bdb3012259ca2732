package io.tickscope.desktop.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PercentageTest {

    @Test
    void aChangeReachesThePercentageExactlyAsDecimalArithmeticSays() {
        Random random = new Random(11);
        List<String> percents = List.of("0.1", "1", "5", "33.333", "1E+2", "12.5000", "0.00000000000000000001");
        for (String text : percents) {
            BigDecimal percent = new BigDecimal(text);
            Percentage percentage = new Percentage(percent);
            for (int i = 0; i < 10_000; i++) {
                long base =
                        1 + (random.nextBoolean() ? random.nextInt(100_000) : random.nextLong(Long.MAX_VALUE / 200));
                // Around the boundary: the change that is exactly the percentage, and its neighbours.
                long exact = percent.multiply(BigDecimal.valueOf(base))
                        .movePointLeft(2)
                        .longValue();
                for (long change : new long[] {exact - 1, exact, exact + 1, random.nextInt(1_000)}) {
                    if (change < 0) {
                        continue;
                    }
                    boolean expected = BigDecimal.valueOf(change)
                                    .movePointRight(2)
                                    .compareTo(percent.multiply(BigDecimal.valueOf(base)))
                            >= 0;
                    assertThat(percentage.reachedBy(change, base))
                            .as("%d of %d reaches %s %%", change, base, text)
                            .isEqualTo(expected);
                }
            }
        }
    }
}
