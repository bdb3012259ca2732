package io.tickscope.desktop.launch;

import static java.util.Objects.requireNonNull;

import io.tickscope.desktop.model.AlertKind;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

/**
 * Works the views through their controls, as a user clicking through them would: the screenshots and the
 * soak run both use it, so that what they show and measure is what people do. Call it on the FX thread.
 */
public final class ViewDriver {

    private final TabPane tabs;

    public ViewDriver(TabPane tabs) {
        this.tabs = requireNonNull(tabs, "tabs");
    }

    /** Looks up the first {@code count} products in one batch call and as that many unary calls. */
    @SuppressWarnings("unchecked")
    public void lookUpFirst(int count) {
        ((Spinner<Integer>) find("batch-lookup-tab", "batch-first-count"))
                .getValueFactory()
                .setValue(count);
        lookUpAgain();
    }

    /** Repeats the last lookup of the first N products. */
    public void lookUpAgain() {
        ((Button) find("batch-lookup-tab", "batch-look-up-first")).fire();
    }

    /** Opens a recommendation session with the autopilot acting {@code actionsPerSecond} times a second. */
    public void openSessionOnAutopilot(int actionsPerSecond) {
        ((Slider) find("recommendations-tab", "session-autopilot")).setValue(actionsPerSecond);
        ((Button) find("recommendations-tab", "session-open")).fire();
    }

    /** Streams the catalogue into the book browser. */
    public void listBooks() {
        ((Button) find("recommendations-tab", "books-list")).fire();
    }

    /** Selects the best recommendation, so that the action bar names the book its buttons act on. */
    public void selectFirstRecommendation() {
        ((TableView<?>) find("recommendations-tab", "session-recommendations"))
                .getSelectionModel()
                .selectFirst();
    }

    /**
     * In the Explorer, chooses {@code service/method}, puts {@code requestJson} in the composer and sends it; if
     * reflection has not answered yet, does so as soon as the methods show.
     */
    @SuppressWarnings("unchecked")
    public void explore(String service, String method, String requestJson) {
        TreeView<String> methods = (TreeView<String>) find("explorer-tab", "explorer-methods");
        Runnable call = () -> {
            TreeItem<String> leaf = methods.getRoot().getChildren().stream()
                    .filter(item -> item.getValue().equals(service))
                    .flatMap(item -> item.getChildren().stream())
                    .filter(item -> item.getValue().equals(method))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "method: " + service + "/" + method + " (expected: in the Explorer's tree)"));
            methods.getSelectionModel().select(leaf);
            ((TextArea) find("explorer-tab", "explorer-request")).setText(requestJson);
            ((Button) find("explorer-tab", "explorer-send")).fire();
        };
        if (!methods.getRoot().getChildren().isEmpty()) {
            call.run();
            return;
        }
        methods.rootProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(
                    ObservableValue<? extends TreeItem<String>> property, TreeItem<String> was, TreeItem<String> now) {
                methods.rootProperty().removeListener(this);
                call.run();
            }
        });
    }

    /**
     * Adds an alert through the Alerts tab's form: {@code kind} "above", "below" or "moves", {@code level} a
     * price or a percentage (a move is measured over the form's default window).
     */
    @SuppressWarnings("unchecked")
    public void addAlert(String productId, AlertKind kind, String level, boolean repeating) {
        ((TextField) find("alerts-tab", "alert-product")).setText(productId);
        ((ComboBox<AlertKind>) find("alerts-tab", "alert-kind")).setValue(kind);
        ((TextField) find("alerts-tab", "alert-level")).setText(level);
        ((CheckBox) find("alerts-tab", "alert-repeating")).setSelected(repeating);
        ((Button) find("alerts-tab", "alert-add")).fire();
    }

    /** Shows the tab with id {@code tabId}. */
    public void show(String tabId) {
        tabs.getSelectionModel().select(tab(tabId));
    }

    private Node find(String tabId, String nodeId) {
        Tab tab = tab(tabId);
        // A tab never shown has no skins yet, and split panes hold their items in theirs: show it to build them.
        Tab shown = tabs.getSelectionModel().getSelectedItem();
        tabs.getSelectionModel().select(tab);
        tab.getContent().applyCss();
        Node node = tab.getContent().lookup("#" + nodeId);
        tabs.getSelectionModel().select(shown);
        if (node == null) {
            throw new IllegalStateException("node: #" + nodeId + " (expected: in tab " + tabId + ")");
        }
        return node;
    }

    private Tab tab(String tabId) {
        return tabs.getTabs().stream()
                .filter(candidate -> tabId.equals(candidate.getId()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("tab: " + tabId + " (expected: one of the views)"));
    }
}
