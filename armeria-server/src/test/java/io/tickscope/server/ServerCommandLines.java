package io.tickscope.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** The headless command's flags as the flag tests read them: parsed without running, or refused. */
final class ServerCommandLines {

    private ServerCommandLines() {}

    /** Returns the command with {@code args} parsed, without running it. */
    static ServerCommand parse(String... args) {
        return CommandLine.populateCommand(new ServerCommand(), args);
    }

    /** Runs the command with {@code args}, which must be refused as bad flags, and returns its error output. */
    static String errorsOf(String... args) {
        StringWriter errors = new StringWriter();
        CommandLine command = new CommandLine(new ServerCommand()).setErr(new PrintWriter(errors));

        assertThat(command.execute(args)).isEqualTo(2);
        return errors.toString();
    }
}
