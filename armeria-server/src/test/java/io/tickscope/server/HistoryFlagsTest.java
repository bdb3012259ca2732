package io.tickscope.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code --history-retention} sets how long price history is kept, and refuses what cannot be a retention. */
class HistoryFlagsTest {

    @Test
    void historyRetentionDefaultsToADayAndTakesAnIsoDuration() {
        assertThat(ServerCommandLines.parse().settings().historyRetention()).isEqualTo(Duration.ofDays(1));
        assertThat(ServerCommandLines.parse("--history-retention", "P7D")
                        .settings()
                        .historyRetention())
                .isEqualTo(Duration.ofDays(7));
    }

    @Test
    void aRetentionOfNothingIsRefusedWithAnExample() {
        assertThat(ServerCommandLines.errorsOf("--history-retention", "PT0S"))
                .contains("--history-retention: PT0S (expected: a positive duration, such as P7D)");
    }
}
