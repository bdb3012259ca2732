package io.tickscope.desktop.app;

import static io.tickscope.desktop.testing.FxScene.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickscope.desktop.model.Segment;
import io.tickscope.desktop.settings.DesktopSettings;
import io.tickscope.desktop.settings.SettingsFile;
import io.tickscope.desktop.shell.TableExport;
import io.tickscope.desktop.testing.MonitorLaunch;
import io.tickscope.desktop.testing.TestServer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The real application, headless, against a real server whose market stands still: an alert typed into the
 * Alerts tab fires once when a published price crosses it (a notification, a log row, a mark on the watchlist
 * row; none over the log while it shows), the exports write the rows the tables show, and the dark theme
 * switches from the keyboard and is remembered.
 */
class MonitorFeaturesAppTest {

    private static final List<String> PRODUCTS = List.of("P00001", "P00002", "P00003");

    private static TestServer server;

    @TempDir
    Path directory;

    private final FxRobot robot = new FxRobot();
    private @Nullable Application app;

    @BeforeAll
    static void startServer() throws Exception {
        server = TestServer.start(0);
        FxToolkit.registerPrimaryStage();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void launch() throws Exception {
        new SettingsFile(settingsPath())
                .save(DesktopSettings.firstRun()
                        .withWatchlist(PRODUCTS, Currency.getInstance("USD"), Segment.STANDARD));
        app = MonitorLaunch.withArguments(
                "--server",
                server.address().target(),
                "--settings",
                settingsPath().toString());
        await().atMost(Duration.ofSeconds(60))
                .until(() -> onFx(() -> watchlist().getItems().size() == PRODUCTS.size()
                        && !cell(watchlist(), 0, "Price").isEmpty()));
    }

    @AfterEach
    void close() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
    }

    @Test
    void anAlertTypedInFiresOnceOnTheCrossingTickAndTheExportsWriteTheRowsShown() throws Exception {
        String level = typeInAlertFivePercentAbove("P00001");
        TableView<?> rules = onFx(() -> robot.lookup("#alert-rules").queryTableView());
        robot.clickOn("#watchlist-tab");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> onFx(() -> rowOf("P00001").alertMark()).equals("◆"));

        server.movePrice("P00001", "1.10");
        server.movePrice("P00001", "1.01");

        TableView<?> log = onFx(() -> robot.lookup("#alert-log").queryTableView());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> onFx(() -> log.getItems().size()) == 1);
        assertThat(onFx(() ->
                        robot.lookup("#notifications .notification").queryAll().size()))
                .isEqualTo(1);
        // Opening the log, which says the same, closes the notification (long before the 8 s it stays).
        robot.clickOn("#alerts-tab");
        await().atMost(Duration.ofSeconds(3))
                .until(() -> onFx(() ->
                        robot.lookup("#notifications .notification").queryAll().isEmpty()));
        robot.clickOn("#watchlist-tab");
        // A one-shot alert is done once it fired: the mark goes, the log keeps it.
        assertThat(onFx(() -> rules.getItems().size())).isZero();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> onFx(() -> rowOf("P00001").alertMark()).isEmpty());

        Path logCsv = directory.resolve("alert-log.csv");
        assertThat(onFx(() -> TableExport.write(log, logCsv))).isEqualTo(1);
        List<String> logLines = Files.readAllLines(logCsv, StandardCharsets.UTF_8);
        assertThat(logLines.get(0)).isEqualTo("Time,Product,Alert,Price,Mode");
        assertThat(logLines.get(1)).contains(",P00001,above USD " + level + ",").endsWith(",once");

        Path watchlistCsv = directory.resolve("watchlist.csv");
        TableView<?> table = watchlist();
        assertThat(onFx(() -> TableExport.write(table, watchlistCsv))).isEqualTo(PRODUCTS.size());
        List<String> lines = Files.readAllLines(watchlistCsv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("Alert,ID,Product,Move,Price,");
        for (int row = 0; row < PRODUCTS.size(); row++) {
            int shown = row;
            List<String> fields = List.of(lines.get(row + 1).split(",", -1));
            assertThat(fields.get(1)).isEqualTo(onFx(() -> cell(table, shown, "ID")));
            assertThat(new BigDecimal(fields.get(4)))
                    .isEqualByComparingTo(new BigDecimal(
                            onFx(() -> cell(table, shown, "Price")).replaceAll("[^0-9.]", "")));
        }
    }

    @Test
    void anAlertThatFiresWhileItsLogShowsRaisesNoNotificationOverTheLog() throws Exception {
        typeInAlertFivePercentAbove("P00002");

        server.movePrice("P00002", "1.10");

        TableView<?> log = onFx(() -> robot.lookup("#alert-log").queryTableView());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> onFx(() -> log.getItems().size()) == 1);
        // The firing's own listeners run in the same FX event as the log's row; a notification would be up now.
        assertThat(onFx(() -> robot.lookup("#notifications .notification").queryAll()))
                .isEmpty();
    }

    @Test
    void theDarkThemeSwitchesFromTheKeyboardAndIsRemembered() throws Exception {
        assertThat(onFx(Application::getUserAgentStylesheet)).contains("primer-light");

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> onFx(Application::getUserAgentStylesheet).contains("primer-dark"));
        FxToolkit.cleanupApplication(app);
        app = null;
        assertThat(new SettingsFile(settingsPath()).load().darkTheme()).isTrue();
    }

    /**
     * Types a one-shot alert 5 % above {@code productId}'s shown price into the Alerts tab, which stays shown, and
     * waits until it watches; returns its level.
     */
    private String typeInAlertFivePercentAbove(String productId) {
        String price = onFx(() -> rowOf(productId).priceText());
        String level = new BigDecimal(price.replaceAll("[^0-9.]", ""))
                .multiply(new BigDecimal("1.05"))
                .setScale(2, RoundingMode.UP)
                .toPlainString();
        robot.clickOn("#alerts-tab");
        robot.clickOn("#alert-product").write(productId);
        robot.clickOn("#alert-level").write(level);
        robot.clickOn("#alert-add");
        TableView<?> rules = onFx(() -> robot.lookup("#alert-rules").queryTableView());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> onFx(() -> rules.getItems().size()) == 1);
        return level;
    }

    private Path settingsPath() {
        return directory.resolve("desktop.properties");
    }

    @SuppressWarnings("unchecked")
    private TableView<Object> watchlist() {
        return robot.lookup("#watchlist-table").queryAs(TableView.class);
    }

    /** The text a cell of {@code column} shows in row {@code row}, as rendered. */
    private String cell(TableView<?> table, int row, String column) {
        Object item = table.getItems().get(row);
        int index = table.getVisibleLeafColumns().stream()
                .map(c -> c.getText())
                .toList()
                .indexOf(column);
        Node rowNode = robot.lookup(".table-row-cell")
                .match(node -> node instanceof javafx.scene.control.TableRow<?> r
                        && r.getTableView() == table
                        && r.getItem() == item)
                .query();
        List<Node> cells = ((javafx.scene.Parent) rowNode).getChildrenUnmodifiable();
        String text = ((javafx.scene.control.Labeled) cells.get(index)).getText();
        return text == null ? "" : text;
    }

    private ShownRow rowOf(String productId) {
        TableView<Object> table = watchlist();
        for (int row = 0; row < table.getItems().size(); row++) {
            if (cell(table, row, "ID").equals(productId)) {
                return new ShownRow(cell(table, row, "Price"), cell(table, row, "Alert"));
            }
        }
        throw new IllegalStateException(productId + " not shown");
    }

    private record ShownRow(String priceText, String alertMark) {}
}
