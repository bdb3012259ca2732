package io.tickscope.desktop.shell;

import io.tickscope.desktop.connection.ConnectionState;
import io.tickscope.desktop.connection.ServerAddress;
import io.tickscope.desktop.connection.ServerChoice;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The bottom line of the window: which server, and whether the channel to it is ready. */
public final class StatusBar extends HBox {

    private static final String STATE_CLASS_PREFIX = "connection-";

    private final Label server = new Label();
    private final Label state = new Label();

    public StatusBar() {
        getStyleClass().add("status-bar");
        setSpacing(12);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 10, 4, 10));
        server.setId("server-address");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        state.setId("connection-state");
        getChildren().addAll(server, spacer, state);
    }

    /** Shows which server the monitor talks to; call on the FX thread. */
    public void showServer(ServerAddress address, boolean embedded) {
        server.setText((embedded ? "Embedded server " : "Server ") + address);
    }

    /** Shows that the monitor is opening a connection to {@code choice}; call on the FX thread. */
    public void showOpening(ServerChoice choice) {
        server.setText("Opening " + (choice.isEmbedded() ? "the embedded server" : choice.toString()) + "…");
        show(ConnectionState.CONNECTING);
    }

    /** Shows that no server could be opened, and why; call on the FX thread. */
    public void showProblem(String problem) {
        server.setText("No server: " + problem);
        show(ConnectionState.SHUT_DOWN);
    }

    /** Shows {@code connectionState}; call on the FX thread. */
    public void show(ConnectionState connectionState) {
        state.setText("● " + connectionState.label());
        state.getStyleClass().removeIf(styleClass -> styleClass.startsWith(STATE_CLASS_PREFIX));
        state.getStyleClass().add(STATE_CLASS_PREFIX + connectionState.name().toLowerCase(Locale.ROOT));
    }
}
