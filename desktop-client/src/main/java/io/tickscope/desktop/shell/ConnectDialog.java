package io.tickscope.desktop.shell;

import io.tickscope.desktop.connection.ServerAddress;
import io.tickscope.desktop.connection.ServerChoice;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * File › Connect: the embedded server, or a server at {@code host:port}. A bad address is explained under
 * the field and keeps Connect disabled.
 */
public final class ConnectDialog {

    private ConnectDialog() {}

    /** Asks which server to use, starting from {@code current}; empty when the user cancels. */
    public static Optional<ServerChoice> ask(Window owner, ServerChoice current) {
        RadioButton embedded = new RadioButton("Embedded server, started by the monitor on this computer");
        RadioButton remote = new RadioButton("Tickscope server at");
        ToggleGroup choice = new ToggleGroup();
        embedded.setToggleGroup(choice);
        remote.setToggleGroup(choice);
        (current.isEmbedded() ? embedded : remote).setSelected(true);

        TextField address =
                new TextField(current.remote() != null ? current.remote().target() : "127.0.0.1:8080");
        address.setPromptText("host:port");
        address.setId("server-address-field");
        address.disableProperty().bind(embedded.selectedProperty());
        StringBinding problem = Bindings.createStringBinding(
                () -> embedded.isSelected() ? "" : problemWith(address.getText()),
                address.textProperty(),
                embedded.selectedProperty());
        Label explanation = new Label();
        explanation.textProperty().bind(problem);
        explanation.getStyleClass().add("danger");

        Dialog<ServerChoice> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Connect");
        dialog.setHeaderText("Which Tickscope server should the monitor watch?");
        ButtonType connect = new ButtonType("Connect", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(connect, ButtonType.CANCEL);
        dialog.getDialogPane().setContent(new VBox(8, embedded, remote, address, explanation));
        BooleanBinding invalid = problem.isNotEmpty();
        dialog.getDialogPane().lookupButton(connect).disableProperty().bind(invalid);
        dialog.setResultConverter(button -> {
            if (button != connect) {
                return null;
            }
            return embedded.isSelected()
                    ? ServerChoice.embedded()
                    : ServerChoice.remote(ServerAddress.parse(address.getText().strip()));
        });
        return dialog.showAndWait();
    }

    private static String problemWith(String text) {
        try {
            ServerAddress.parse(text.strip());
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
