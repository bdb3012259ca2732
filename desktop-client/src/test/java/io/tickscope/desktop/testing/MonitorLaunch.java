package io.tickscope.desktop.testing;

import io.tickscope.desktop.app.TickscopeApp;
import io.tickscope.desktop.connection.ServerAddress;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import org.testfx.api.FxToolkit;

/**
 * Starts the real monitor as the app tests do: connected to a test's server, with its settings and data files in
 * the test's own directory, so that no test sees another's watchlist or recordings.
 */
public final class MonitorLaunch {

    private MonitorLaunch() {}

    /** Starts the monitor on {@code server}, keeping its files in {@code directory}; clean it up with TestFX. */
    public static Application against(ServerAddress server, Path directory) throws TimeoutException {
        return FxToolkit.setupApplication(
                TickscopeApp.class,
                "--server",
                server.target(),
                "--settings",
                settingsIn(directory).toString(),
                "--data-dir",
                directory.resolve("data").toString());
    }

    /** The settings file a monitor started in {@code directory} reads and writes. */
    public static Path settingsIn(Path directory) {
        return directory.resolve("desktop.properties");
    }
}
