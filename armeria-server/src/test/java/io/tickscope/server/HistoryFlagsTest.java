package io.tickscope.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code --history} turns price history on or off, {@code --history-retention} sets how long it is kept, and both
 * refuse what they cannot mean.
 */
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
                .contains("--history-retention: PT0S (expected: a positive duration, such as P7D; --history off"
                        + " stores none)");
    }

    @Test
    void historyIsOnByDefaultAndOffStoresNone() {
        assertThat(ServerCommandLines.parse().settings().storesHistory()).isTrue();
        assertThat(ServerCommandLines.parse("--history", "on").settings().storesHistory())
                .isTrue();
        ServerSettings off = ServerCommandLines.parse("--history", "off").settings();
        assertThat(off.storesHistory()).isFalse();
        assertThat(off.historyRetention()).isEqualTo(ServerSettings.NO_HISTORY);
    }

    @Test
    void anUnknownHistoryValueIsRefusedNamingTheChoices() {
        assertThat(ServerCommandLines.errorsOf("--history", "maybe"))
                .contains("--history: maybe (expected: on or off)");
    }

    @Test
    void aRetentionWithHistoryOffIsRefused() {
        assertThat(ServerCommandLines.errorsOf("--history", "off", "--history-retention", "P7D"))
                .contains("--history-retention: PT168H (expected: not set with --history off, which stores no"
                        + " history to keep)");
    }
}
