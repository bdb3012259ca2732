package io.tickscope.desktop.replay;

import io.tickscope.desktop.alerts.AlertsModel;
import io.tickscope.desktop.rpc.RecordingFile;
import io.tickscope.desktop.shell.ProblemDialog;
import io.tickscope.desktop.ui.MoneyFormat;
import io.tickscope.desktop.ui.UiThread;
import io.tickscope.desktop.watchlist.WatchlistView;
import java.io.File;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * A recording replayed into a watchlist, under a banner that says so and carries the controls: play or pause
 * (Ctrl+P), step one update (Ctrl+T), speed 1x, 10x, 100x (Ctrl+Shift+1, 2, 3). No server is involved.
 */
public final class ReplayWindow {

    private static final DateTimeFormatter RECORDED_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private final ReplayPlayer player;
    private final WatchlistView watchlist;
    private final BorderPane root = new BorderPane();
    private final Label progress = new Label();
    private final Button playPause = new Button();
    private final ToggleGroup speeds = new ToggleGroup();
    private final Timeline clock;

    private ReplayWindow(Path file, ReplayPlayer player, WatchlistView watchlist) {
        this.player = player;
        this.watchlist = watchlist;
        clock = new Timeline(new KeyFrame(Duration.millis(200), event -> refresh()));
        clock.setCycleCount(Animation.INDEFINITE);
        root.setTop(new VBox(menuBar(), banner(file)));
        root.setCenter(watchlist.node());
        root.setId("replay");
    }

    /**
     * Returns the replay of {@code file} (which must be a recording): a watchlist of its products fed by its
     * ticks through {@code ui}, checked against {@code alerts}. Call {@link #start} to play it.
     */
    public static ReplayWindow of(Path file, UiThread ui, MoneyFormat money, AlertsModel alerts) {
        ReplayPlayer player = new ReplayPlayer(RecordingFile.read(file));
        return new ReplayWindow(file, player, WatchlistView.replaying(player, ui, money, alerts));
    }

    /** Asks for a recording, then opens its replay in a window of its own beside {@code owner}. */
    public static void choose(Window owner, UiThread ui, MoneyFormat money, AlertsModel alerts) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Replay a recording");
        chooser.getExtensionFilters()
                .addAll(
                        new FileChooser.ExtensionFilter("Tickscope recordings", "*.tsrec"),
                        new FileChooser.ExtensionFilter("All files", "*"));
        File chosen = chooser.showOpenDialog(owner);
        if (chosen == null) {
            return;
        }
        ReplayWindow replay;
        try {
            replay = of(chosen.toPath(), ui, money, alerts);
        } catch (RuntimeException e) {
            ProblemDialog.show(
                    owner,
                    "Cannot replay " + chosen,
                    String.valueOf(e.getMessage()),
                    "Choose a file that Watchlist › Record wrote.",
                    null);
            return;
        }
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Tickscope — REPLAY of " + chosen.getName());
        Scene scene = new Scene(replay.node(), 1200, 720);
        scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
        stage.setOnHidden(event -> replay.stop());
        stage.show();
        replay.start();
    }

    public Parent node() {
        return root;
    }

    public ReplayPlayer player() {
        return player;
    }

    public WatchlistView watchlist() {
        return watchlist;
    }

    /** Plays from the start. */
    public void start() {
        watchlist.activate();
        clock.play();
        refresh();
    }

    /** Stops playing and the watchlist. */
    public void stop() {
        clock.stop();
        watchlist.deactivate();
        player.close();
    }

    private Node banner(Path file) {
        Label badge = new Label("REPLAY");
        badge.setId("replay-badge");
        badge.getStyleClass().add("replay-badge");
        Label name = new Label(file.getFileName() + "  ·  " + player.size() + " updates, "
                + player.length().toSeconds() + " s recorded");
        progress.setId("replay-progress");

        playPause.setOnAction(event -> togglePause());
        playPause.setId("replay-play-pause");
        Button step = new Button("_Step");
        step.setId("replay-step");
        step.setOnAction(event -> player.step());
        List<Node> controls = new ArrayList<>(List.of(playPause, step));
        for (int speed : ReplayPlayer.SPEEDS) {
            ToggleButton button = new ToggleButton(speed + "x");
            button.setId("replay-speed-" + speed);
            button.setToggleGroup(speeds);
            button.setUserData(speed);
            button.setSelected(speed == player.speed());
            button.setOnAction(event -> choose(speed));
            controls.add(button);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox banner = new HBox(10);
        banner.getChildren().addAll(badge, name, spacer, progress);
        banner.getChildren().addAll(controls);
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.setPadding(new Insets(8, 12, 8, 12));
        banner.getStyleClass().add("replay-banner");
        return banner;
    }

    private MenuBar menuBar() {
        MenuItem playPauseItem =
                item("_Play or pause", new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN));
        playPauseItem.setOnAction(event -> togglePause());
        MenuItem stepItem = item("_Step one update", new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN));
        stepItem.setOnAction(event -> player.step());
        Menu replay = new Menu("_Replay");
        replay.getItems().addAll(playPauseItem, stepItem);
        KeyCode[] keys = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3};
        for (int i = 0; i < ReplayPlayer.SPEEDS.size(); i++) {
            int speed = ReplayPlayer.SPEEDS.get(i);
            MenuItem speedItem = item(
                    "Speed " + speed + "x",
                    new KeyCodeCombination(keys[i], KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
            speedItem.setOnAction(event -> choose(speed));
            replay.getItems().add(speedItem);
        }
        MenuBar bar = new MenuBar(replay);
        bar.getMenus().addAll(watchlist.menus());
        return bar;
    }

    private void choose(int speed) {
        player.setSpeed(speed);
        speeds.getToggles()
                .forEach(toggle -> toggle.setSelected(Integer.valueOf(speed).equals(toggle.getUserData())));
        refresh();
    }

    private void togglePause() {
        if (player.isPaused()) {
            player.play();
        } else {
            player.pause();
        }
        refresh();
    }

    private void refresh() {
        playPause.setText(player.isPaused() ? "_Play" : "_Pause");
        String at = RECORDED_TIME.format(LocalDateTime.ofInstant(player.recordedNow(), ZoneId.systemDefault()));
        progress.setText(String.format(
                Locale.ROOT,
                "%,d of %,d updates  ·  recorded at %s  ·  %dx%s",
                player.delivered(),
                player.size(),
                at,
                player.speed(),
                player.isAtEnd() ? "  ·  end" : player.isPaused() ? "  ·  paused" : ""));
    }

    private static MenuItem item(String text, KeyCombination accelerator) {
        MenuItem item = new MenuItem(text);
        item.setAccelerator(accelerator);
        return item;
    }
}
