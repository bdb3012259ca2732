package io.tickscope.desktop.shell;

import static java.util.Objects.requireNonNull;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The menu bar, which also carries the keyboard shortcuts: Ctrl+K connect, Ctrl+Q quit, Ctrl+1 to Ctrl+9
 * the views in tab order, Ctrl+L find a product to watch.
 */
public final class MainMenu {

    /** What the menu's commands do; the composition root supplies them. */
    public record Actions(Runnable connect, Runnable quit, Runnable findProduct, Runnable removeSelectedProducts) {
        public Actions {
            requireNonNull(connect, "connect");
            requireNonNull(quit, "quit");
            requireNonNull(findProduct, "findProduct");
            requireNonNull(removeSelectedProducts, "removeSelectedProducts");
        }
    }

    private MainMenu() {}

    /** Builds the menu bar; its View menu lists {@code views}' tabs and follows them as they change. */
    public static MenuBar create(Actions actions, TabPane views) {
        Menu file = new Menu("_File");
        file.getItems()
                .setAll(
                        item("_Connect…", KeyCode.K, actions.connect()),
                        new SeparatorMenuItem(),
                        item("_Quit", KeyCode.Q, actions.quit()));

        Menu view = new Menu("_View");
        views.getTabs().addListener((ListChangeListener<Tab>) change -> listTabs(view, views));
        listTabs(view, views);

        Menu watchlist = new Menu("_Watchlist");
        MenuItem remove = new MenuItem("_Remove selected products  (Delete in the table)");
        remove.setOnAction(event -> actions.removeSelectedProducts().run());
        watchlist.getItems().setAll(item("_Find product…", KeyCode.L, actions.findProduct()), remove);

        MenuBar bar = new MenuBar(file, view, watchlist);
        bar.setId("main-menu");
        return bar;
    }

    private static void listTabs(Menu view, TabPane views) {
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
    }

    private static MenuItem item(String text, KeyCode key, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setAccelerator(new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN));
        item.setOnAction(event -> action.run());
        return item;
    }
}
