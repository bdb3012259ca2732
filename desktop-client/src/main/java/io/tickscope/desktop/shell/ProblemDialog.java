package io.tickscope.desktop.shell;

import static java.util.Objects.requireNonNull;

import atlantafx.base.theme.Styles;
import javafx.application.Platform;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.jspecify.annotations.Nullable;

/**
 * Tells the user what went wrong and what to do next, whole: the text wraps, and the dialog grows to show every
 * line (a JavaFX dialog otherwise keeps its first size and cuts a long message off with an ellipsis). It can
 * offer to change the server's address.
 */
public final class ProblemDialog {

    /** Wide enough for a host name and a port on one line, narrow enough to read. */
    private static final double TEXT_WIDTH = 460;

    private ProblemDialog() {}

    /**
     * Shows {@code summary} and {@code advice} under {@code header}, without waiting for the user; with
     * {@code changeAddress}, a "Change address…" button runs it. Returns the dialog, so that it can be closed
     * when the problem goes away.
     */
    public static Dialog<ButtonType> show(
            Window owner, String header, String summary, String advice, @Nullable Runnable changeAddress) {
        requireNonNull(owner, "owner");
        Label what = wrapped(summary);
        what.setId("problem-summary");
        Label next = wrapped(advice);
        next.setId("problem-advice");
        next.getStyleClass().add(Styles.TEXT_MUTED);

        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Tickscope");
        dialog.setHeaderText(requireNonNull(header, "header"));
        dialog.getDialogPane().setId("problem-dialog");
        dialog.getDialogPane().setContent(new VBox(10, what, next));
        dialog.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        ButtonType change = new ButtonType("Change address…", ButtonData.OK_DONE);
        ButtonType close = new ButtonType(changeAddress != null ? "Keep trying" : "Close", ButtonData.CANCEL_CLOSE);
        if (changeAddress != null) {
            dialog.getDialogPane().getButtonTypes().setAll(change, close);
            dialog.getDialogPane().lookupButton(change).setId("change-address");
        } else {
            dialog.getDialogPane().getButtonTypes().setAll(close);
        }
        dialog.setOnHidden(event -> {
            if (changeAddress != null && dialog.getResult() == change) {
                // After this dialog has gone: the Connect dialog opens over the window, not over this one.
                Platform.runLater(changeAddress);
            }
        });
        dialog.show();
        return dialog;
    }

    /** Returns a label that wraps {@code text} within the dialog's width and asks for every line's height. */
    static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setPrefWidth(TEXT_WIDTH);
        label.setMaxWidth(TEXT_WIDTH);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }
}
