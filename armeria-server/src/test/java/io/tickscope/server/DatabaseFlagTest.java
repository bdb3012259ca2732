package io.tickscope.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickscope.server.store.Database;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The --database flag of the headless command: listed, and refused before anything starts when it is no PostgreSQL URL. */
class DatabaseFlagTest {

    @Test
    void helpListsTheDatabaseFlag() {
        assertThat(new CommandLine(new ServerCommand()).getUsageMessage()).contains("--database");
    }

    @Test
    void aUrlOfAnotherDatabaseIsRefused() {
        StringWriter errors = new StringWriter();
        CommandLine command = new CommandLine(new ServerCommand()).setErr(new PrintWriter(errors));

        assertThat(command.execute("--database", "jdbc:mysql://db:3306/tickscope"))
                .isEqualTo(2);
        assertThat(errors.toString())
                .contains("--database: jdbc:mysql://db:3306/tickscope (expected: jdbc:postgresql://HOST:PORT/DATABASE");
    }

    @Test
    void settingsWithoutADatabaseKeepTheEmbeddedFile() {
        ServerSettings settings = new ServerSettings("127.0.0.1", 0, Path.of("data"), 0, 42, Duration.ZERO);

        assertThat(settings.databaseUrl()).isNull();
        assertThat(settings.withDatabaseUrl("jdbc:postgresql://db:5432/tickscope")
                        .databaseUrl())
                .isEqualTo("jdbc:postgresql://db:5432/tickscope");
        assertThatThrownBy(() -> settings.withDatabaseUrl("postgres://db/tickscope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("postgres://db/tickscope (expected: jdbc:postgresql://");
    }

    @Test
    void theReadyLineAndLogsShowWhereTheDatabaseIsWithoutItsPassword() {
        assertThat(Database.locationOf("jdbc:postgresql://db:5432/tickscope?user=tickscope&password=secret"))
                .isEqualTo("jdbc:postgresql://db:5432/tickscope");
    }

    @Test
    void aDatabaseThatDoesNotAnswerAtStartIsNamedInTheError() {
        assertThatThrownBy(() -> Database.openPostgres(
                        "jdbc:postgresql://127.0.0.1:1/tickscope?user=postgres&password=secret", 42, Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot connect to the database at jdbc:postgresql://127.0.0.1:1/tickscope: ")
                .hasMessageNotContaining("secret");
    }
}
