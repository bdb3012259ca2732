package io.tickscope.desktop;

import atlantafx.base.theme.PrimerLight;
import io.grpc.ManagedChannel;
import io.tickscope.desktop.connection.Channels;
import io.tickscope.desktop.connection.ConnectionMonitor;
import io.tickscope.desktop.connection.ServerConnection;
import io.tickscope.desktop.shell.StatusBar;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.jspecify.annotations.Nullable;

/**
 * The composition root: connects to the server (starting one embedded when none is named), creates the one
 * {@link ManagedChannel} every view shares, builds the views and shuts everything down on exit.
 */
public final class TickscopeApp extends Application {

    private @Nullable ServerConnection connection;
    private @Nullable ManagedChannel channel;

    /** Runs on the launcher thread, before the window: the embedded server's start must not block the FX thread. */
    @Override
    public void init() {
        DesktopOptions options = DesktopOptions.of(getParameters().getRaw());
        ServerConnection opened = options.server != null
                ? ServerConnection.remote(options.server)
                : ServerConnection.embedded(options.dataDirectoryOrDefault());
        connection = opened;
        channel = Channels.open(opened.address());
    }

    @Override
    public void start(Stage stage) {
        ServerConnection opened = java.util.Objects.requireNonNull(connection, "connection");
        ManagedChannel sharedChannel = java.util.Objects.requireNonNull(channel, "channel");
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());

        TabPane views = new TabPane();
        views.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        StatusBar statusBar = new StatusBar(opened.address(), opened.isEmbedded());
        ConnectionMonitor.start(sharedChannel).subscribe(state -> Platform.runLater(() -> statusBar.show(state)));

        BorderPane root = new BorderPane(views);
        root.setBottom(statusBar);
        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets()
                .add(TickscopeApp.class.getResource("tickscope.css").toExternalForm());
        stage.setTitle("Tickscope");
        stage.setScene(scene);
        stage.show();
    }

    @Override
    public void stop() throws InterruptedException {
        if (channel != null) {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        if (connection != null) {
            connection.close();
        }
    }
}
