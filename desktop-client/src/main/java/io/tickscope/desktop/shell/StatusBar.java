package io.tickscope.desktop.shell;

import io.tickscope.desktop.connection.ConnectionState;
import io.tickscope.desktop.connection.ServerAddress;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The bottom line of the window: which server, and whether the channel to it is ready. */
public final class StatusBar extends HBox {

    private static final String STATE_CLASS_PREFIX = "connection-";

    private final Label state = new Label();

    public StatusBar(ServerAddress address, boolean embedded) {
        getStyleClass().add("status-bar");
        setSpacing(12);
        setPadding(new Insets(4, 10, 4, 10));
        Label server = new Label((embedded ? "Embedded server " : "Server ") + address);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        state.setId("connection-state");
        getChildren().addAll(server, spacer, state);
        show(ConnectionState.CONNECTING);
    }

    /** Shows {@code connectionState}; call on the FX thread. */
    public void show(ConnectionState connectionState) {
        state.setText(connectionState.label());
        state.getStyleClass().removeIf(styleClass -> styleClass.startsWith(STATE_CLASS_PREFIX));
        state.getStyleClass().add(STATE_CLASS_PREFIX + connectionState.name().toLowerCase(java.util.Locale.ROOT));
    }
}
