package io.tickscope.desktop.app;

import static io.tickscope.desktop.testing.FxScene.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickscope.desktop.connection.ServerTarget;
import io.tickscope.desktop.settings.DesktopSettings;
import io.tickscope.desktop.settings.SettingsFile;
import io.tickscope.desktop.testing.MonitorLaunch;
import io.tickscope.desktop.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.application.Application;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
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
 * The real application, headless (Monocle), against a real server on a loopback port: what a user sees in
 * the watchlist and the status bar while prices flow, while the server goes away and when it comes back.
 */
class TickscopeAppTest {

    /** Two changes a second per product: enough for ticks and flashes to show within a test's patience. */
    private static final int TICK_RATE = 20_000;

    private static final PseudoClass UP = PseudoClass.getPseudoClass("up");
    private static final PseudoClass DOWN = PseudoClass.getPseudoClass("down");

    private static TestServer server;

    @TempDir
    Path directory;

    private final FxRobot robot = new FxRobot();
    private @Nullable Application app;

    @BeforeAll
    static void startServer() throws Exception {
        server = TestServer.start(TICK_RATE);
        FxToolkit.registerPrimaryStage();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void launch() throws Exception {
        server.ensureRunning();
        app = MonitorLaunch.against(server.address(), directory);
    }

    @AfterEach
    void close() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
    }

    @Test
    void ticksAppearInTheWatchlistAndFlash() {
        await().until(() -> onFx(() -> feedStatus().startsWith("Live")));
        TableView<?> table = onFx(() -> robot.lookup("#watchlist-table").queryTableView());
        assertThat(onFx(() -> table.getItems().size()))
                .isEqualTo(DesktopSettings.firstRun().watchedProducts().size());

        await().until(() ->
                onFx(() -> !priceTexts().isEmpty() && priceTexts().stream().noneMatch(String::isEmpty)));
        assertThat(onFx(this::priceTexts)).allMatch(price -> price.startsWith("$"));
        await().atMost(Duration.ofSeconds(10)).until(() -> onFx(() -> flashingRows() > 0));
        assertThat(onFx(() -> connectionState())).isEqualTo("● ready");
    }

    @Test
    void productIsAddedFromTheSearchAndRemovedWithDelete() {
        await().until(() -> onFx(() -> feedStatus().startsWith("Live")));
        int watched = DesktopSettings.firstRun().watchedProducts().size();

        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        robot.write("P00042").type(KeyCode.ENTER);

        TableView<?> table = onFx(() -> robot.lookup("#watchlist-table").queryTableView());
        await().until(() -> onFx(() -> table.getItems().size()) == watched + 1);
        robot.clickOn(robot.lookup("#watchlist-table .table-row-cell").nth(0).queryAs(Node.class));
        robot.type(KeyCode.DELETE);
        await().until(() -> onFx(() -> table.getItems().size()) == watched);
    }

    @Test
    void statusFollowsTheServerAwayAndBackAndTicksResume() {
        await().until(() ->
                onFx(() -> connectionState().equals("● ready") && feedStatus().startsWith("Live")));

        server.stop();
        await().until(() -> onFx(() -> connectionState().equals("● reconnecting")));
        await().until(() -> onFx(() -> staleRows() == shownRows()));
        assertThat(onFx(this::feedStatus)).startsWith("Reconnecting: UNAVAILABLE");

        server.restart();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> onFx(() -> connectionState().equals("● ready")));
        await().until(() -> onFx(() -> feedStatus().startsWith("Live") && staleRows() == 0));
        // The resync says so: every row holds a price from the server that came back, and when it came.
        int watched = onFx(() ->
                robot.lookup("#watchlist-table").queryTableView().getItems().size());
        assertThat(onFx(this::feedStatus)).startsWith("Live, resynced " + watched + " products at ");
        await().atMost(Duration.ofSeconds(10)).until(() -> onFx(() -> flashingRows() > 0));
    }

    @Test
    void watchedProductsAreRememberedForTheNextRun() throws Exception {
        await().until(() -> onFx(() -> feedStatus().startsWith("Live")));
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        robot.write("P00077").type(KeyCode.ENTER);
        TableView<?> table = onFx(() -> robot.lookup("#watchlist-table").queryTableView());
        await().until(() -> onFx(() -> table.getItems().size())
                == DesktopSettings.firstRun().watchedProducts().size() + 1);

        FxToolkit.cleanupApplication(app);

        DesktopSettings remembered = new SettingsFile(settingsPath()).load();
        assertThat(remembered.watchedProducts()).endsWith("P00077");
        assertThat(remembered.server().remote()).isEqualTo(ServerTarget.of(server.address()));
        assertThat(remembered.window()).isNotNull();
        app = MonitorLaunch.withArguments("--settings", settingsPath().toString());
        TableView<?> reopened = onFx(() -> robot.lookup("#watchlist-table").queryTableView());
        await().until(() -> onFx(() -> reopened.getItems().size())
                == remembered.watchedProducts().size());
    }

    @Test
    void connectDialogSwitchesToTheEmbeddedServerAndRemembersTheChoice() throws Exception {
        await().until(() -> onFx(() -> serverText().equals("Server " + server.address())));

        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        robot.clickOn("Embedded server, started by the monitor on this computer");
        robot.clickOn("Connect");

        // The views are rebuilt over the new session meanwhile: a lookup may find none for a moment.
        await().atMost(Duration.ofSeconds(30))
                .ignoreExceptionsInstanceOf(IllegalStateException.class)
                .until(() -> onFx(() -> serverText().startsWith("Embedded server ")
                        && connectionState().equals("● ready")
                        && feedStatus().startsWith("Live")));
        FxToolkit.cleanupApplication(app);
        app = null;
        assertThat(new SettingsFile(settingsPath()).load().server().isEmbedded())
                .isTrue();
    }

    private Path settingsPath() {
        return MonitorLaunch.settingsIn(directory);
    }

    private String feedStatus() {
        return robot.lookup("#feed-status").queryAs(Label.class).getText();
    }

    private String serverText() {
        return robot.lookup("#server-address").queryAs(Label.class).getText();
    }

    private String connectionState() {
        return robot.lookup("#connection-state").queryAs(Label.class).getText();
    }

    private List<String> priceTexts() {
        return robot.lookup("#watchlist-table .table-row-cell .flash-cell").queryAll().stream()
                .map(cell -> ((javafx.scene.control.Labeled) cell).getText())
                .filter(text -> text != null)
                .toList();
    }

    private long flashingRows() {
        return rowCells().stream()
                .filter(row -> row.getPseudoClassStates().contains(UP)
                        || row.getPseudoClassStates().contains(DOWN))
                .count();
    }

    private long staleRows() {
        return rowCells().stream()
                .filter(row -> row.getPseudoClassStates().contains(PseudoClass.getPseudoClass("stale")))
                .count();
    }

    /** Returns how many rows the table renders: only those in view have cells. */
    private long shownRows() {
        return rowCells().size();
    }

    private List<Node> rowCells() {
        return robot.lookup("#watchlist-table .table-row-cell").queryAll().stream()
                .filter(row -> !((TableRow<?>) row).isEmpty() && ((TableRow<?>) row).getItem() != null)
                .toList();
    }
}
