package io.tickscope.desktop.watchlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PriceHistoryTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void keepsTheLatestPointsOldestFirstOnceFull() {
        PriceHistory history = new PriceHistory(3);
        for (int i = 1; i <= 5; i++) {
            history.add(T0.plusSeconds(i), i * 10.0);
        }

        assertThat(history.size()).isEqualTo(3);
        assertThat(history.priceAt(0)).isEqualTo(30.0);
        assertThat(history.priceAt(2)).isEqualTo(50.0);
        assertThat(history.epochMillisAt(0)).isEqualTo(T0.plusSeconds(3).toEpochMilli());
    }

    @Test
    void pointBeforeTheLastIsMovedToTheLastTime() {
        PriceHistory history = new PriceHistory(4);
        history.add(T0.plusSeconds(10), 1.0);

        history.add(T0.plusSeconds(5), 2.0);

        assertThat(history.epochMillisAt(1)).isEqualTo(T0.plusSeconds(10).toEpochMilli());
    }

    @Test
    void clearedHistoryStartsAgain() {
        PriceHistory history = new PriceHistory(2);
        history.add(T0, 1.0);
        history.add(T0, 2.0);

        history.clear();
        history.add(T0, 3.0);

        assertThat(history.size()).isEqualTo(1);
        assertThat(history.priceAt(0)).isEqualTo(3.0);
    }
}
