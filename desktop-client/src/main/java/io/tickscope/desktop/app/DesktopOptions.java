package io.tickscope.desktop.app;

import static java.util.Objects.requireNonNull;

import io.tickscope.desktop.connection.ChannelSecurity;
import io.tickscope.desktop.connection.ServerTarget;
import io.tickscope.desktop.launch.LaunchOutcome;
import io.tickscope.server.ServerSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
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
public final class DesktopOptions implements Callable<Integer> {

    /** The embedded market's default: ten times the headless server's, so a watchlist moves every second. */
    static final int DEFAULT_TICK_RATE = 10_000;

    @Option(
            names = "--server",
            paramLabel = "ADDRESS[,ADDRESS...]",
            converter = ServerTarget.Converter.class,
            description = "A running Tickscope server to monitor instead of the embedded one: host:port,"
                    + " http://host:port (plaintext) or https://host:port (TLS); several separated by commas are"
                    + " replicas of one server, balanced over one channel.")
    @Nullable
    ServerTarget server;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Data directory of the embedded server (default: $XDG_DATA_HOME/tickscope or"
                    + " ~/.local/share/tickscope).")
    @Nullable
    Path dataDirectory;

    @Option(
            names = "--tick-rate",
            paramLabel = "N",
            defaultValue = "" + DEFAULT_TICK_RATE,
            description = "Price changes per second in the embedded server's market (default: ${DEFAULT-VALUE},"
                    + " about one a second per product).")
    int tickRate = DEFAULT_TICK_RATE;

    @Option(
            names = "--smoke-test",
            paramLabel = "TIMEOUT",
            description = "Exit 0 as soon as the first live price is shown, or non-zero with a reason after"
                    + " TIMEOUT (an ISO-8601 duration such as PT60S).")
    @Nullable
    Duration smokeTestTimeout;

    @Option(
            names = "--tls",
            description = "Speak TLS to the --server (or the one chosen in the Connect dialog); the embedded server"
                    + " is always plaintext on loopback.")
    boolean tls;

    @Option(
            names = "--tls-ca",
            paramLabel = "PEM",
            description = "Authorities that sign the server's certificate (default: the system's trusted ones).")
    @Nullable
    Path tlsCa;

    @Option(
            names = "--tls-cert",
            paramLabel = "PEM",
            description = "Client certificate chain for servers that require mutual TLS; needs --tls-key.")
    @Nullable
    Path tlsCertificate;

    @Option(names = "--tls-key", paramLabel = "PEM", description = "Unencrypted PKCS#8 key of --tls-cert.")
    @Nullable
    Path tlsKey;

    @Option(
            names = "--token-file",
            paramLabel = "FILE",
            description = "File whose first line is the bearer token sent with every call (a file, so that the"
                    + " token shows in no process list); needs --tls.")
    @Nullable
    Path tokenFile;

    /** A recording to replay instead of connecting: no server is started or reached. */
    @Option(
            names = "--replay",
            paramLabel = "FILE",
            description = "Replay a recording (Watchlist › Record) instead of connecting; no server is needed.")
    @Nullable
    Path replayFile;

    /** Where settings are kept instead of the user's configuration directory; tests and screenshots use it. */
    @Option(names = "--settings", hidden = true, paramLabel = "FILE")
    @Nullable
    Path settingsFile;

    /** Makes screenshots of every view into this directory, then exits; see Screenshots. */
    @Option(names = "--screenshot-dir", hidden = true, paramLabel = "DIR")
    @Nullable
    Path screenshotDirectory;

    @Spec
    private @Nullable CommandSpec spec;

    /**
     * Reads {@code args} without validating them: for an application started by a toolkit other than {@link
     * #call()}, such as TestFX; {@code call()} hands over the options it parsed instead.
     */
    static DesktopOptions of(List<String> args) {
        return CommandLine.populateCommand(new DesktopOptions(), args.toArray(String[]::new));
    }

    /**
     * How the channel to a remote server is secured; TLS files alone imply --tls, and an http:// or https://
     * server picks for itself.
     */
    ChannelSecurity channelSecurity() {
        boolean anyTlsFile = tlsCa != null || tlsCertificate != null || tlsKey != null;
        return new ChannelSecurity(tls || anyTlsFile || usesTlsScheme(), tlsCa, tlsCertificate, tlsKey, tokenFile);
    }

    private boolean usesTlsScheme() {
        return server != null && server.scheme() == ServerTarget.Scheme.TLS;
    }

    Path dataDirectoryOrDefault() {
        return dataDirectory != null ? dataDirectory : ServerSettings.defaultDataDirectory();
    }

    /** Opens the window; returns when it closed, with the exit code the run asked for (see LaunchOutcome). */
    @Override
    public Integer call() {
        CommandSpec parsed = requireNonNull(spec, "spec");
        if (tickRate < 0 || tickRate > 1_000_000) {
            throw new CommandLine.ParameterException(
                    parsed.commandLine(), "--tick-rate: " + tickRate + " (expected: 0 to 1000000)");
        }
        try {
            channelSecurity();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(parsed.commandLine(), e.getMessage(), e, null, null);
        }
        TickscopeApp.launch(this);
        return LaunchOutcome.exitCode();
    }
}
