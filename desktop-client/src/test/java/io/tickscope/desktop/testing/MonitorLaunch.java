package io.tickscope.desktop.testing;

import io.tickscope.desktop.app.TickscopeApp;
import io.tickscope.desktop.connection.ServerAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxToolkit;

/**
 * Starts the real monitor as the app tests do: connected to a test's server, with its settings and data files in
 * the test's own directory, so that no test sees another's watchlist or recordings.
 */
public final class MonitorLaunch {

    private MonitorLaunch() {}

    /** Starts the monitor on {@code server}, keeping its files in {@code directory}; clean it up with TestFX. */
    public static Application against(ServerAddress server, Path directory) throws TimeoutException {
        return withArguments(
                "--server",
                server.target(),
                "--settings",
                settingsIn(directory).toString(),
                "--data-dir",
                directory.resolve("data").toString());
    }

    /**
     * Starts the monitor with {@code args} in TestFX's primary stage, after closing every other window an earlier
     * test in this JVM left open. Cleaning an application up stops it but leaves its dialogs showing, and a modal
     * one blocks every click and key on the main window: CI saw all of ChartAppTest's gestures lost behind the
     * connect dialog that a ConnectingAppTest before it ended with.
     */
    public static Application withArguments(String... args) throws TimeoutException {
        closeWindowsLeftOpen();
        return FxToolkit.setupApplication(TickscopeApp.class, args);
    }

    private static void closeWindowsLeftOpen() throws TimeoutException {
        Stage primary = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> List.copyOf(Window.getWindows()).stream()
                .filter(window -> window != primary)
                .forEach(Window::hide));
    }

    /** The settings file a monitor started in {@code directory} reads and writes. */
    public static Path settingsIn(Path directory) {
        return directory.resolve("desktop.properties");
    }
}
