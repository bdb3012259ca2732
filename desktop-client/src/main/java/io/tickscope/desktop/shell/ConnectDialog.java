package io.tickscope.desktop.shell;

import static java.util.Objects.requireNonNullElse;

import atlantafx.base.theme.Styles;
import io.tickscope.desktop.connection.ServerChoice;
import io.tickscope.desktop.connection.ServerTarget;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * File › Connect: the embedded server, or a server written as {@code host:port}, {@code http://host:port}
 * (plaintext), {@code https://host:port} (TLS), or several of them separated by commas (replicas the monitor
 * balances over). A bad address is explained whole under the field, wrapped, and keeps Connect disabled.
 */
public final class ConnectDialog {

    static final String EXAMPLES = "For example 127.0.0.1:8080, http://localhost:8080, https://prices.example.com:8443,"
            + " or replicas of one server: 10.0.0.5:8080,10.0.0.6:8080,10.0.0.7:8080. http:// is plaintext, https://"
            + " is TLS; host:port follows the --tls flags.";

    private ConnectDialog() {}

    /** Asks which server to use, starting from {@code current}; empty when the user cancels. */
    public static Optional<ServerChoice> ask(Window owner, ServerChoice current) {
        RadioButton embedded = new RadioButton("Embedded server, started by the monitor on this computer");
        RadioButton remote = new RadioButton("Tickscope server at");
        ToggleGroup choice = new ToggleGroup();
        embedded.setToggleGroup(choice);
        remote.setToggleGroup(choice);
        (current.isEmbedded() ? embedded : remote).setSelected(true);

        ServerTarget remembered = current.remote();
        TextField address = new TextField(remembered != null ? remembered.toString() : "127.0.0.1:8080");
        address.setPromptText("host:port, https://host:port, or several separated by commas");
        address.setId("server-address-field");
        address.disableProperty().bind(embedded.selectedProperty());
        StringBinding problem = Bindings.createStringBinding(
                () -> embedded.isSelected() ? "" : problemWith(address.getText()),
                address.textProperty(),
                embedded.selectedProperty());
        Label explanation = ProblemDialog.wrapped("");
        explanation.setId("server-address-problem");
        explanation.textProperty().bind(problem);
        explanation.getStyleClass().add(Styles.DANGER);
        explanation.managedProperty().bind(problem.isNotEmpty());
        Label examples = ProblemDialog.wrapped(EXAMPLES);
        examples.setId("server-address-examples");
        examples.getStyleClass().add(Styles.TEXT_MUTED);

        Dialog<ServerChoice> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Connect");
        dialog.setHeaderText("Which Tickscope server should the monitor watch?");
        ButtonType connect = new ButtonType("Connect", ButtonData.OK_DONE);
        dialog.getDialogPane().setId("connect-dialog");
        dialog.getDialogPane().getButtonTypes().setAll(connect, ButtonType.CANCEL);
        dialog.getDialogPane().setContent(new VBox(8, embedded, remote, address, explanation, examples));
        dialog.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        dialog.getDialogPane().lookupButton(connect).disableProperty().bind(problem.isNotEmpty());
        // A dialog keeps the size it opened with: let it grow and shrink with the explanation.
        problem.addListener((property, was, now) -> {
            if (dialog.isShowing()) {
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
            }
        });
        dialog.setResultConverter(button -> {
            if (button != connect) {
                return null;
            }
            return embedded.isSelected()
                    ? ServerChoice.embedded()
                    : ServerChoice.remote(ServerTarget.parse(address.getText()));
        });
        return dialog.showAndWait();
    }

    private static String problemWith(String text) {
        try {
            ServerTarget.parse(text);
            return "";
        } catch (IllegalArgumentException e) {
            return requireNonNullElse(e.getMessage(), "not a server address: " + text);
        }
    }
}
