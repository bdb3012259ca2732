package io.tickscope.desktop.shell;

import atlantafx.base.theme.Styles;
import io.tickscope.desktop.connection.ConnectionState;
import io.tickscope.desktop.connection.ServerChoice;
import io.tickscope.desktop.connection.ServerTarget;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The bottom line of the window: which server, whether the channel to it is ready, and if not, why. */
public final class StatusBar extends HBox {

    private static final String STATE_CLASS_PREFIX = "connection-";

    private final Label server = new Label();
    private final Label problem = new Label();
    private final Label state = new Label();

    public StatusBar() {
        getStyleClass().add("status-bar");
        setSpacing(12);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 10, 4, 10));
        server.setId("server-address");
        problem.setId("connection-problem");
        problem.getStyleClass().add(Styles.DANGER);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        state.setId("connection-state");
        getChildren().addAll(server, spacer, problem, state);
    }

    /** Shows which server, or which replicas, the monitor talks to; call on the FX thread. */
    public void showServer(ServerTarget target, boolean embedded) {
        String what = embedded ? "Embedded server " : target.isList() ? "Replicas " : "Server ";
        server.setText(what + target);
    }

    /** Shows that the monitor is opening a connection to {@code choice}; call on the FX thread. */
    public void showOpening(ServerChoice choice) {
        server.setText("Opening " + (choice.isEmbedded() ? "the embedded server" : choice.toString()) + "…");
        show(ConnectionState.CONNECTING);
    }

    /** Shows that no server could be opened, and why; call on the FX thread. */
    public void showProblem(String reason) {
        server.setText("No server: " + reason);
        show(ConnectionState.SHUT_DOWN);
    }

    /** Shows why the channel cannot connect, or nothing when {@code reason} is empty; call on the FX thread. */
    public void showConnectionProblem(String reason) {
        problem.setText(reason);
    }

    /** Shows {@code connectionState}; call on the FX thread. */
    public void show(ConnectionState connectionState) {
        state.setText("● " + connectionState.label());
        state.getStyleClass().removeIf(styleClass -> styleClass.startsWith(STATE_CLASS_PREFIX));
        state.getStyleClass().add(STATE_CLASS_PREFIX + connectionState.name().toLowerCase(Locale.ROOT));
    }
}
