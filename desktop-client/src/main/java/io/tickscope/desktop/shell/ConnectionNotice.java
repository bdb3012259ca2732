package io.tickscope.desktop.shell;

import static java.util.Objects.requireNonNull;

import io.tickscope.desktop.connection.ConnectionMonitor;
import io.tickscope.desktop.connection.ConnectionProblem;
import io.tickscope.desktop.connection.ConnectionState;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;
import org.jspecify.annotations.Nullable;

/**
 * Says why the channel cannot connect, instead of "reconnecting" alone: the status bar names the reason, and
 * while a server has never been reached (a mistyped name, a wrong port) a dialog says what is wrong and offers
 * to change the address. A server that was reached and went away gets the status bar only: the monitor
 * reconnects by itself, and a restart should not put a dialog in front of the user.
 */
public final class ConnectionNotice {

    private final Window owner;
    private final StatusBar statusBar;
    private final Runnable changeAddress;
    // Touched on the FX thread only.
    private boolean active = true;
    private boolean reached;
    private @Nullable Dialog<ButtonType> dialog;

    private ConnectionNotice(Window owner, StatusBar statusBar, Runnable changeAddress) {
        this.owner = owner;
        this.statusBar = statusBar;
        this.changeAddress = changeAddress;
    }

    /**
     * Follows {@code monitor} until the returned handle runs (on the FX thread); {@code changeAddress} opens
     * File › Connect.
     */
    public static Runnable follow(
            ConnectionMonitor monitor, Window owner, StatusBar statusBar, Runnable changeAddress) {
        ConnectionNotice notice = new ConnectionNotice(
                requireNonNull(owner, "owner"),
                requireNonNull(statusBar, "statusBar"),
                requireNonNull(changeAddress, "changeAddress"));
        Runnable stopStates = monitor.subscribe(state -> Platform.runLater(() -> notice.stateChanged(state)));
        Runnable stopProblems =
                monitor.subscribeProblems(problem -> Platform.runLater(() -> notice.problemChanged(problem)));
        return () -> {
            stopStates.run();
            stopProblems.run();
            notice.stop();
        };
    }

    private void stateChanged(ConnectionState state) {
        reached |= state == ConnectionState.READY;
    }

    private void problemChanged(Optional<ConnectionProblem> problem) {
        if (!active) {
            return;
        }
        statusBar.showConnectionProblem(problem.map(ConnectionProblem::summary).orElse(""));
        if (problem.isEmpty()) {
            closeDialog();
        } else if (!reached && dialog == null) {
            ConnectionProblem found = problem.get();
            Dialog<ButtonType> shown = ProblemDialog.show(
                    owner, "Cannot connect to " + found.server(), found.summary(), found.advice(), changeAddress);
            shown.showingProperty().addListener((property, was, showing) -> {
                if (!showing && dialog == shown) {
                    dialog = null;
                }
            });
            dialog = shown;
        }
    }

    private void stop() {
        active = false;
        statusBar.showConnectionProblem("");
        closeDialog();
    }

    private void closeDialog() {
        Dialog<ButtonType> shown = dialog;
        dialog = null;
        if (shown != null && shown.isShowing()) {
            shown.close();
        }
    }
}
