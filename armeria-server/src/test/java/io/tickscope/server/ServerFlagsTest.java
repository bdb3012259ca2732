package io.tickscope.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickscope.server.limits.RateLimit;
import io.tickscope.server.limits.ServerLimits;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The headless command's defaults are the settings records' defaults, and its help shows them. */
class ServerFlagsTest {

    private static final ServerLimits LIMITS = ServerLimits.defaults();

    @Test
    void withoutFlagsTheServerRunsWithTheRecordsDefaults() {
        ServerSettings settings =
                CommandLine.populateCommand(new ServerCommand()).settings();

        assertThat(settings.host()).isEqualTo(ServerSettings.DEFAULT_HOST);
        assertThat(settings.port()).isEqualTo(ServerSettings.DEFAULT_PORT);
        assertThat(settings.tickRate()).isEqualTo(ServerSettings.DEFAULT_TICK_RATE);
        assertThat(settings.seed()).isEqualTo(ServerSettings.DEFAULT_SEED);
        assertThat(settings.shutdownTimeout()).isEqualTo(ServerSettings.DEFAULT_SHUTDOWN_TIMEOUT);
        assertThat(settings.dataDirectory()).isEqualTo(ServerSettings.defaultDataDirectory());
        // The headless server limits each client's call rate; the records' default (the embedded server's) does not.
        assertThat(settings.limits())
                .isEqualTo(LIMITS.toBuilder()
                        .rateLimit(RateLimit.perSecond(RateLimit.HEADLESS_CALLS_PER_SECOND))
                        .build());
    }

    @Test
    void helpShowsEveryDefault() {
        String help = new CommandLine(new ServerCommand()).getUsageMessage().replaceAll("\\s+", " ");

        assertThat(help)
                .contains(
                        "--host=<host> Address to listen on; 127.0.0.1 for loopback only (default: 0.0.0.0).",
                        "0 picks a free one (default: 8080).",
                        "0 stops the market (default: 1000).",
                        "(default: 42).",
                        "ISO-8601 duration (default: PT10S).",
                        "or closed (default: loopback).",
                        "0 turns the limit off (default: 5000).",
                        "(default: " + LIMITS.maxConnections() + ").",
                        "PT0S keeps connections (default: " + LIMITS.maxConnectionAge() + ").",
                        "reconnect (default: " + LIMITS.connectionAgeGrace() + ").",
                        "clamped to it (default: " + LIMITS.maxClientDeadline() + ").");
    }
}
