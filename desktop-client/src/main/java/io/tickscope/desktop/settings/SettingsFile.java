package io.tickscope.desktop.settings;

import static java.util.Objects.requireNonNull;

import io.tickscope.desktop.connection.ServerChoice;
import io.tickscope.desktop.model.AlertRule;
import io.tickscope.desktop.model.Segment;
import io.tickscope.shared.money.CurrencyCodes;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@link DesktopSettings} in a properties file, by default {@code $XDG_CONFIG_HOME/tickscope/desktop
 * .properties} (or {@code ~/.config/...}). A missing file means a first run; a value that does not parse is
 * logged and replaced by its first-run value, so a hand-edited file never stops the monitor from starting.
 * Saving writes a new file and moves it over the old one, so a crash never leaves half a file.
 */
public final class SettingsFile {

    private static final String SERVER = "server";
    private static final String WINDOW = "window";
    private static final String WINDOW_MAXIMIZED = "window.maximized";
    private static final String WATCHLIST_PRODUCTS = "watchlist.products";
    private static final String WATCHLIST_CURRENCY = "watchlist.currency";
    private static final String WATCHLIST_SEGMENT = "watchlist.segment";
    /** The alerts, one {@link AlertRule#toText()} each, separated by semicolons. */
    private static final String ALERTS = "alerts";

    private static final String THEME = "theme";
    private static final String DARK = "dark";

    private static final Logger logger = LoggerFactory.getLogger(SettingsFile.class);

    private final Path path;

    public SettingsFile(Path path) {
        this.path = requireNonNull(path, "path");
    }

    /** Returns the file in the user's configuration directory. */
    public static SettingsFile inConfigDirectory() {
        String xdgConfigHome = System.getenv("XDG_CONFIG_HOME");
        Path base = xdgConfigHome == null || xdgConfigHome.isBlank()
                ? Path.of(System.getProperty("user.home"), ".config")
                : Path.of(xdgConfigHome);
        return new SettingsFile(base.resolve("tickscope").resolve("desktop.properties"));
    }

    public Path path() {
        return path;
    }

    /** Reads the settings; first-run settings when there is no file yet. */
    public DesktopSettings load() {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException firstRun) {
            return DesktopSettings.firstRun();
        } catch (IOException | IllegalArgumentException e) {
            logger.warn("Cannot read {}, starting with first-run settings: {}", path, e.toString());
            return DesktopSettings.firstRun();
        }
        DesktopSettings defaults = DesktopSettings.firstRun();
        Optional<WindowBounds> window =
                read(properties, WINDOW, text -> Optional.of(windowOf(text, properties)), Optional.empty());
        return new DesktopSettings(
                read(properties, SERVER, ServerChoice::parse, defaults.server()),
                window.orElse(null),
                read(properties, WATCHLIST_PRODUCTS, SettingsFile::productsOf, defaults.watchedProducts()),
                read(properties, WATCHLIST_CURRENCY, CurrencyCodes::parse, defaults.currency()),
                read(properties, WATCHLIST_SEGMENT, Segment::valueOf, defaults.segment()),
                read(properties, ALERTS, SettingsFile::alertsOf, defaults.alerts()),
                DARK.equals(properties.getProperty(THEME)));
    }

    /** Writes {@code settings}, creating the directory if needed. */
    public void save(DesktopSettings settings) {
        Properties properties = new Properties();
        properties.setProperty(SERVER, settings.server().toString());
        WindowBounds window = settings.window();
        if (window != null) {
            properties.setProperty(
                    WINDOW, window.x() + "," + window.y() + "," + window.width() + "," + window.height());
            properties.setProperty(WINDOW_MAXIMIZED, Boolean.toString(window.maximized()));
        }
        properties.setProperty(WATCHLIST_PRODUCTS, String.join(",", settings.watchedProducts()));
        properties.setProperty(WATCHLIST_CURRENCY, settings.currency().getCurrencyCode());
        properties.setProperty(WATCHLIST_SEGMENT, settings.segment().name());
        properties.setProperty(
                ALERTS, settings.alerts().stream().map(AlertRule::toText).collect(Collectors.joining(";")));
        properties.setProperty(THEME, settings.darkTheme() ? DARK : "light");
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            Path written = Files.createTempFile(path.toAbsolutePath().getParent(), "desktop", ".properties");
            try (Writer writer = Files.newBufferedWriter(written, StandardCharsets.UTF_8)) {
                properties.store(writer, "Tickscope desktop monitor: written on exit and when the server changes");
            }
            Files.move(written, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save settings to " + path, e);
        }
    }

    private <T> T read(Properties properties, String key, Function<String, T> parse, T fallback) {
        String text = properties.getProperty(key);
        if (text == null) {
            return fallback;
        }
        try {
            return parse.apply(text);
        } catch (RuntimeException e) {
            logger.warn("Ignoring {}={} in {}: {}", key, text, path, e.getMessage());
            return fallback;
        }
    }

    private static WindowBounds windowOf(String text, Properties properties) {
        double[] numbers =
                Arrays.stream(text.split(",")).mapToDouble(Double::parseDouble).toArray();
        if (numbers.length != 4) {
            throw new IllegalArgumentException("\"" + text + "\" (expected: x,y,width,height)");
        }
        return new WindowBounds(
                numbers[0],
                numbers[1],
                numbers[2],
                numbers[3],
                Boolean.parseBoolean(properties.getProperty(WINDOW_MAXIMIZED, "false")));
    }

    private static List<AlertRule> alertsOf(String text) {
        return text.isBlank()
                ? List.of()
                : Arrays.stream(text.split(";")).map(AlertRule::parse).toList();
    }

    private static List<String> productsOf(String text) {
        return text.isBlank()
                ? List.of()
                : Arrays.stream(text.split(",")).map(String::strip).toList();
    }
}
