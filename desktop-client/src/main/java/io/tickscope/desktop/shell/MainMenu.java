package io.tickscope.desktop.shell;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.jspecify.annotations.Nullable;

/**
 * The menu bar, which also carries the keyboard shortcuts: Ctrl+K connect, Ctrl+Q quit, Ctrl+1 to Ctrl+9
 * the views in tab order, Ctrl+Shift+D the dark theme; after those, the views' own menus (such as Ctrl+L, find a product to watch).
 */
public final class MainMenu {

    /** What the menu's commands do; the composition root supplies them. */
    public record Actions(Runnable connect, Runnable quit) {
        public Actions {
            requireNonNull(connect, "connect");
            requireNonNull(quit, "quit");
        }
    }

    /** How many menus the bar has before the views' own: File and View. */
    private static final int OWN_MENUS = 2;

    private MainMenu() {}

    /** Builds the menu bar; its View menu lists {@code views}' tabs and follows them as they change. */
    public static MenuBar create(Actions actions, TabPane views) {
        return create(actions, views, null);
    }

    /**
     * Builds the menu bar as {@link #create(Actions, TabPane)} does; the View menu also switches {@code
     * darkTheme} (Ctrl+Shift+D) when one is given.
     */
    public static MenuBar create(Actions actions, TabPane views, @Nullable BooleanProperty darkTheme) {
        Menu file = new Menu("_File");
        file.getItems()
                .setAll(
                        item("_Connect…", KeyCode.K, actions.connect()),
                        new SeparatorMenuItem(),
                        item("_Quit", KeyCode.Q, actions.quit()));

        Menu view = new Menu("_View");
        List<MenuItem> themeItems = new ArrayList<>();
        if (darkTheme != null) {
            CheckMenuItem dark = new CheckMenuItem("_Dark theme");
            dark.setAccelerator(
                    new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
            dark.selectedProperty().bindBidirectional(darkTheme);
            dark.setId("dark-theme");
            themeItems.add(new SeparatorMenuItem());
            themeItems.add(dark);
        }
        views.getTabs().addListener((ListChangeListener<Tab>) change -> listTabs(view, views, themeItems));
        listTabs(view, views, themeItems);

        MenuBar bar = new MenuBar(file, view);
        bar.setId("main-menu");
        return bar;
    }

    /** Shows {@code viewMenus} after the window's own menus, replacing the views' menus shown before. */
    public static void showViewMenus(MenuBar bar, List<Menu> viewMenus) {
        bar.getMenus().remove(OWN_MENUS, bar.getMenus().size());
        bar.getMenus().addAll(viewMenus);
    }

    private static void listTabs(Menu view, TabPane views, List<MenuItem> after) {
        view.getItems().clear();
        for (int i = 0; i < views.getTabs().size(); i++) {
            Tab tab = views.getTabs().get(i);
            MenuItem show = new MenuItem(tab.getText());
            if (i < 9) {
                show.setAccelerator(new KeyCodeCombination(
                        KeyCode.getKeyCode(Integer.toString(i + 1)), KeyCombination.SHORTCUT_DOWN));
            }
            show.setOnAction(event -> views.getSelectionModel().select(tab));
            view.getItems().add(show);
        }
        view.getItems().addAll(after);
    }

    private static MenuItem item(String text, KeyCode key, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setAccelerator(new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN));
        item.setOnAction(event -> action.run());
        return item;
    }
}
