package io.tickscope.desktop;

import static java.util.Objects.requireNonNull;

import io.tickscope.desktop.connection.ServerAddress;
import io.tickscope.server.ServerSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.application.Application;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The desktop monitor's command line. */
@Command(
        name = "tickscope",
        mixinStandardHelpOptions = true,
        description = {
            "Opens the Tickscope desktop monitor. With no --server it starts a Tickscope server embedded on"
                    + " loopback, so live prices show at once."
        })
final class DesktopOptions implements Callable<Integer> {

    @Option(
            names = "--server",
            paramLabel = "HOST:PORT",
            converter = ServerAddress.Converter.class,
            description = "A running Tickscope server to monitor instead of the embedded one.")
    @Nullable
    ServerAddress server;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Data directory of the embedded server (default: $XDG_DATA_HOME/tickscope or"
                    + " ~/.local/share/tickscope).")
    @Nullable
    Path dataDirectory;

    @Option(
            names = "--smoke-test",
            paramLabel = "TIMEOUT",
            description = "Exit 0 as soon as the first live price is shown, or non-zero with a reason after"
                    + " TIMEOUT (an ISO-8601 duration such as PT60S).")
    @Nullable
    Duration smokeTestTimeout;

    @Spec
    private @Nullable CommandSpec spec;

    /** Reads the options the launcher already validated; the JavaFX application gets them as raw arguments. */
    static DesktopOptions of(List<String> args) {
        return CommandLine.populateCommand(new DesktopOptions(), args.toArray(String[]::new));
    }

    Path dataDirectoryOrDefault() {
        return dataDirectory != null ? dataDirectory : ServerSettings.defaultDataDirectory();
    }

    /** Opens the window; returns when the user closed it. */
    @Override
    public Integer call() {
        List<String> args =
                requireNonNull(spec, "spec").commandLine().getParseResult().originalArgs();
        Application.launch(TickscopeApp.class, args.toArray(String[]::new));
        return 0;
    }
}
