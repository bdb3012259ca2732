package io.tickscope.desktop.settings;

import static java.util.Objects.requireNonNull;

import io.tickscope.desktop.connection.ServerChoice;
import io.tickscope.desktop.model.AlertRule;
import io.tickscope.desktop.model.Segment;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * What the monitor remembers between runs.
 *
 * @param server the server last chosen
 * @param window the main window's last bounds; null before the first run ends
 * @param watchedProducts the watchlist's products, in order
 * @param currency the watchlist's currency
 * @param segment the watchlist's customer segment
 * @param alerts the price alerts still watching, in the order they were added
 * @param darkTheme whether the window wears the dark theme
 */
public record DesktopSettings(
        ServerChoice server,
        @Nullable WindowBounds window,
        List<String> watchedProducts,
        Currency currency,
        Segment segment,
        List<AlertRule> alerts,
        boolean darkTheme) {

    /** How many products a first run watches: the first of the catalogue, a screenful. */
    static final int FIRST_RUN_PRODUCTS = 16;

    public DesktopSettings {
        requireNonNull(server, "server");
        watchedProducts = List.copyOf(watchedProducts);
        requireNonNull(currency, "currency");
        requireNonNull(segment, "segment");
        alerts = List.copyOf(alerts);
    }

    /** The settings of a first run: the embedded server and the first products of the catalogue in dollars. */
    public static DesktopSettings firstRun() {
        return new DesktopSettings(
                ServerChoice.embedded(),
                null,
                IntStream.rangeClosed(1, FIRST_RUN_PRODUCTS)
                        .mapToObj(number -> String.format(Locale.ROOT, "P%05d", number))
                        .toList(),
                Currency.getInstance("USD"),
                Segment.STANDARD,
                List.of(),
                false);
    }

    public DesktopSettings withServer(ServerChoice chosen) {
        return new DesktopSettings(chosen, window, watchedProducts, currency, segment, alerts, darkTheme);
    }

    public DesktopSettings withWindow(WindowBounds bounds) {
        return new DesktopSettings(server, bounds, watchedProducts, currency, segment, alerts, darkTheme);
    }

    public DesktopSettings withWatchlist(List<String> products, Currency chosenCurrency, Segment chosenSegment) {
        return new DesktopSettings(server, window, products, chosenCurrency, chosenSegment, alerts, darkTheme);
    }

    public DesktopSettings withAlerts(List<AlertRule> watching) {
        return new DesktopSettings(server, window, watchedProducts, currency, segment, watching, darkTheme);
    }

    public DesktopSettings withDarkTheme(boolean dark) {
        return new DesktopSettings(server, window, watchedProducts, currency, segment, alerts, dark);
    }
}
