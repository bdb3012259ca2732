package io.tickscope.desktop.shell;

import atlantafx.base.controls.Notification;
import atlantafx.base.theme.Styles;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Notifications inside the window, stacked in its bottom right corner over the views (clear of the menus and
 * toolbars): they never take the focus
 * or block input as a dialog would, and each goes away by itself after a few seconds (or with its close
 * button, or Escape through {@link #dismissAll}). The newest shows nearest the corner; at most a few show at once.
 */
public final class Notifications {

    /** How long a notification stays. */
    static final Duration SHOWN_FOR = Duration.seconds(8);

    private static final int MOST_SHOWN = 4;

    private final VBox stack = new VBox(8);
    private final StackPane layer = new StackPane(stack);

    public Notifications() {
        stack.setId("notifications");
        stack.setAlignment(Pos.BOTTOM_RIGHT);
        stack.setMaxSize(420, VBox.USE_PREF_SIZE);
        stack.setPickOnBounds(false);
        StackPane.setAlignment(stack, Pos.BOTTOM_RIGHT);
        // Above the status bar.
        StackPane.setMargin(stack, new Insets(0, 16, 36, 0));
        layer.setPickOnBounds(false);
    }

    /** The layer to put over the window's content, in a stack pane. */
    public Node layer() {
        return layer;
    }

    /** Shows {@code message} below the others. */
    public void show(String message) {
        Notification notification = new Notification(message);
        notification.getStyleClass().addAll(Styles.ELEVATED_1, Styles.WARNING);
        notification.setPrefWidth(400);
        notification.setMaxHeight(Notification.USE_PREF_SIZE);
        notification.setOnClose(event -> stack.getChildren().remove(notification));
        // The newest at the bottom, nearest the corner; the oldest go first.
        stack.getChildren().add(notification);
        if (stack.getChildren().size() > MOST_SHOWN) {
            stack.getChildren().remove(0, stack.getChildren().size() - MOST_SHOWN);
        }
        PauseTransition hide = new PauseTransition(SHOWN_FOR);
        hide.setOnFinished(event -> stack.getChildren().remove(notification));
        hide.play();
    }

    /** Closes every notification shown. */
    public void dismissAll() {
        stack.getChildren().clear();
    }
}
