package io.tickscope.desktop.app;

import static java.util.Objects.requireNonNull;

import io.tickscope.desktop.connection.ServerChoice;
import io.tickscope.desktop.settings.DesktopSettings;
import io.tickscope.desktop.settings.SettingsFile;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings of this run: loaded once at start (a {@code --server} on the command line wins over the one
 * remembered), updated as views and the window report what they remember, and saved when the server changes
 * and on exit. A file that cannot be written costs the next run its settings, never this run.
 */
final class RememberedSettings {

    private static final Logger logger = LoggerFactory.getLogger(RememberedSettings.class);

    private final SettingsFile file;
    private DesktopSettings current;

    private RememberedSettings(SettingsFile file, DesktopSettings loaded) {
        this.file = file;
        this.current = loaded;
    }

    static RememberedSettings load(DesktopOptions options) {
        SettingsFile file = options.settingsFile != null
                ? new SettingsFile(options.settingsFile)
                : SettingsFile.inConfigDirectory();
        DesktopSettings loaded = file.load();
        if (options.server != null) {
            loaded = loaded.withServer(ServerChoice.remote(options.server));
        }
        return new RememberedSettings(file, loaded);
    }

    /** The directory the settings file is in; the Explorer keeps its files beside it. */
    java.nio.file.Path directory() {
        return requireNonNull(file.path().toAbsolutePath().getParent(), "settings directory");
    }

    DesktopSettings current() {
        return current;
    }

    void update(UnaryOperator<DesktopSettings> change) {
        current = requireNonNull(change.apply(current), "settings");
    }

    void save() {
        try {
            file.save(current);
        } catch (RuntimeException e) {
            logger.warn("Settings not saved: {}", e.getMessage());
        }
    }
}
