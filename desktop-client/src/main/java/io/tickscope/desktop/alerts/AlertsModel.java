package io.tickscope.desktop.alerts;

import static java.util.Objects.requireNonNull;

import io.tickscope.desktop.model.AlertFiring;
import io.tickscope.desktop.model.AlertKind;
import io.tickscope.desktop.model.AlertRule;
import io.tickscope.desktop.model.PriceTick;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The alerts and their log. Ticks reach {@link #onTick} on the thread that delivers them and are checked
 * there, every one; a firing reaches the log, the notification and (for a one-shot alert) the list of rules
 * through the UI thread. Everything else runs on the UI thread. It outlives sessions, as the rules are the
 * user's and not the server's.
 */
public final class AlertsModel {

    /** Firings kept in the log, newest first; older ones are dropped (export the log to keep them). */
    public static final int LOG_CAPACITY = 10_000;

    private static final Pattern PRODUCT_ID = Pattern.compile("P\\d{5}");

    private final ObservableList<AlertRule> rules = FXCollections.observableArrayList();
    private final ObservableList<AlertFiring> log = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<@Nullable AlertFiring> lastFired = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Set<String>> alertedProducts = new ReadOnlyObjectWrapper<>(Set.of());
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final AlertEvaluator evaluator;

    /** Hands firings to the UI thread with {@code ui}, which runs tasks one at a time in order. */
    public AlertsModel(Consumer<Runnable> ui, Collection<AlertRule> remembered) {
        requireNonNull(ui, "ui");
        evaluator = new AlertEvaluator(firing -> ui.accept(() -> fired(firing)));
        rules.addListener((ListChangeListener<AlertRule>) change -> {
            evaluator.watch(List.copyOf(rules));
            alertedProducts.set(rules.stream().map(AlertRule::productId).collect(Collectors.toUnmodifiableSet()));
        });
        rules.setAll(remembered);
    }

    /** Checks {@code tick} against the alerts of its product, on the calling thread; any thread, in order. */
    public void onTick(PriceTick tick) {
        evaluator.onTick(tick);
    }

    /** The alerts still watching, in the order they were added. */
    public ObservableList<AlertRule> rules() {
        return rules;
    }

    /** What fired, newest first. */
    public ObservableList<AlertFiring> log() {
        return FXCollections.unmodifiableObservableList(log);
    }

    /** The latest firing, for the notification. */
    public ReadOnlyObjectProperty<@Nullable AlertFiring> lastFiredProperty() {
        return lastFired.getReadOnlyProperty();
    }

    /** The products that have at least one alert, for the watchlist's mark. */
    public ReadOnlyObjectProperty<Set<String>> alertedProductsProperty() {
        return alertedProducts.getReadOnlyProperty();
    }

    /** Why the last {@link #add} was refused; empty when it was accepted. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /**
     * Adds the alert a person typed: {@code level} is a price (above, below) or a percentage (move). Returns
     * whether it was added; otherwise {@link #noticeProperty()} says why.
     */
    public boolean add(
            String productId, AlertKind kind, String level, Currency currency, Duration window, boolean repeating) {
        String id = productId.strip().toUpperCase(Locale.ROOT);
        if (!PRODUCT_ID.matcher(id).matches()) {
            notice.set("Product \"" + productId.strip() + "\" (expected: an id such as P00042)");
            return false;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(level.strip());
        } catch (NumberFormatException e) {
            notice.set("Level \"" + level.strip() + "\" (expected: a number such as 12.50)");
            return false;
        }
        try {
            return add(new AlertRule(id, kind, value, currency, window, repeating));
        } catch (IllegalArgumentException | ArithmeticException e) {
            notice.set(String.valueOf(e.getMessage()));
            return false;
        }
    }

    /** Adds {@code rule} unless the same alert exists. */
    public boolean add(AlertRule rule) {
        if (rules.contains(rule)) {
            notice.set("That alert exists already");
            return false;
        }
        notice.set("");
        rules.add(rule);
        return true;
    }

    public void remove(Collection<AlertRule> removed) {
        rules.removeAll(List.copyOf(removed));
    }

    public void clearLog() {
        log.clear();
    }

    private void fired(AlertFiring firing) {
        log.add(0, firing);
        if (log.size() > LOG_CAPACITY) {
            log.remove(LOG_CAPACITY, log.size());
        }
        lastFired.set(firing);
        if (!firing.rule().repeating()) {
            rules.remove(firing.rule());
        }
    }
}
