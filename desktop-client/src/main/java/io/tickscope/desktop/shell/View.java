package io.tickscope.desktop.shell;

import io.tickscope.desktop.settings.DesktopSettings;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableLongValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Menu;

/**
 * One view of the window, shown as a tab. The composition root builds every view over a session, activates it,
 * and deactivates it before the session's channel closes (on exit and when File › Connect switches servers), so
 * that each view ends its own calls. Call every method on the FX thread.
 */
public interface View {

    /** The tab's title, such as "Batch lookup"; the tab's id and its screenshot's name derive from it. */
    String title();

    Node node();

    /** Starts what the view does by itself: streams, clocks, refreshes. Does nothing when already active. */
    void activate();

    /**
     * Stops everything the view started and ends every call it has open (a stream is cancelled, a session
     * closed politely); the view may be activated again. Does nothing when not active.
     */
    void deactivate();

    /**
     * Returns whether the view keeps running while another tab shows (the default: a stream's state must stay
     * current). A view that only refreshes what it shows returns false: it is active only while its tab shows.
     */
    default boolean runsWhileHidden() {
        return true;
    }

    /** Returns {@code settings} with what this view remembers for the next run; most views remember nothing. */
    default DesktopSettings remember(DesktopSettings settings) {
        return settings;
    }

    /** Returns {@code title} in lower case with dashes between words: "Batch lookup" becomes "batch-lookup". */
    static String slugOf(String title) {
        return title.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    /** The view's own menus, shown after the window's; using one of their items shows the view first. */
    default List<Menu> menus() {
        return List.of();
    }

    /**
     * How many live updates from the server the view has shown; the launch verdicts (smoke test, screenshots)
     * wait for the first one in any view. Views that show nothing live by themselves stay at zero.
     */
    default ObservableLongValue liveUpdatesShown() {
        return new SimpleLongProperty(0);
    }

    /** What the view's live feed is doing, in a few words, for a failed smoke test; empty without a feed. */
    default ObservableStringValue feedStatus() {
        return new SimpleStringProperty("");
    }
}
