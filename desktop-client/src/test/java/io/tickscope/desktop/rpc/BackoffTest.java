package io.tickscope.desktop.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Backoff WITHOUT_JITTER =
            new Backoff(Duration.ofMillis(250), Duration.ofSeconds(10), () -> 0.5);

    @Test
    void delayDoublesAfterEachFailureUpToTheCap() {
        assertThat(WITHOUT_JITTER.delayAfter(1)).isEqualTo(Duration.ofMillis(250));
        assertThat(WITHOUT_JITTER.delayAfter(2)).isEqualTo(Duration.ofMillis(500));
        assertThat(WITHOUT_JITTER.delayAfter(4)).isEqualTo(Duration.ofSeconds(2));
        assertThat(WITHOUT_JITTER.delayAfter(7)).isEqualTo(Duration.ofSeconds(10));
        assertThat(WITHOUT_JITTER.delayAfter(1_000)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void jitterSpreadsDelaysByAFifthEachWay() {
        Backoff lowest = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10), () -> 0);
        Backoff highest = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10), () -> 0.999_999);

        assertThat(lowest.delayAfter(1)).isEqualTo(Duration.ofMillis(800));
        assertThat(highest.delayAfter(1)).isBetween(Duration.ofMillis(1_199), Duration.ofMillis(1_200));
    }

    @Test
    void rejectsAnEmptyRangeAndAFailureCountBelowOne() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), () -> 0))
                .hasMessage("backoff: PT2S to PT1S (expected: 0 < initial <= max)");
        assertThatThrownBy(() -> WITHOUT_JITTER.delayAfter(0)).hasMessage("failures: 0 (expected: >= 1)");
    }
}
