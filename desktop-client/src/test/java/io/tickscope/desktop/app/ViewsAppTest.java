package io.tickscope.desktop.app;

import static io.tickscope.desktop.testing.FxScene.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickscope.desktop.launch.ViewDriver;
import io.tickscope.desktop.model.RecommendedBook;
import io.tickscope.desktop.shell.TableExport;
import io.tickscope.desktop.testing.MonitorLaunch;
import io.tickscope.desktop.testing.TestServer;
import io.tickscope.desktop.wire.MethodRow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
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
 * The real application, headless, against a real server with a still market: the batch lookup and the
 * recommendation session as a user drives them, through the keyboard shortcuts and the buttons; and File ›
 * Connect with every view at work, after which the Wire view's table of calls exports what it shows.
 */
class ViewsAppTest {

    private static final String SESSION = "tickscope.recommendation.v1.RecommendationService/RecommendationSession";
    private static final String WATCH = "tickscope.pricing.v1.PricingService/WatchPrices";

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
        app = MonitorLaunch.against(server.address(), directory);
        await().until(() ->
                onFx(() -> robot.lookup("#watchlist-table").tryQuery().isPresent()));
    }

    @AfterEach
    void close() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
    }

    @Test
    void batchLookupFillsItsTableAndTimesEveryWay() {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        robot.clickOn("#batch-look-up-first");

        int count = onFx(() -> (Integer)
                robot.lookup("#batch-first-count").queryAs(Spinner.class).getValue());
        TableView<?> results = onFx(() -> robot.lookup("#batch-results").queryTableView());
        await().atMost(Duration.ofSeconds(20))
                .until(() -> onFx(() -> results.getItems().size()) == count);
        // One batch call, N unary calls one after another, N at once: each row with its wall time.
        TableView<?> timings = onFx(() -> robot.lookup("#batch-timings").queryTableView());
        await().until(() -> onFx(() -> timings.getItems().size()) == 3);
        await().until(() -> onFx(() -> cellTexts("#batch-timings").stream()
                        .filter(text -> text.endsWith(" ms"))
                        .count())
                == 3);
    }

    @Test
    void sessionRecommendationsChangeAfterADismissal() {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        robot.clickOn("#session-open");

        TableView<RecommendedBook> table = onFx(this::recommendationsTable);
        await().until(() -> onFx(() -> table.getItems().size()) > 1);
        String dismissed = onFx(() -> table.getItems().get(0).book().bookId());

        robot.clickOn(
                robot.lookup("#session-recommendations .table-row-cell").nth(0).queryAs(Node.class));
        robot.clickOn("#session-dismissed");

        await().until(() -> onFx(() -> !table.getItems().isEmpty()
                && table.getItems().stream()
                        .noneMatch(row -> row.book().bookId().equals(dismissed))));
    }

    /**
     * The switch deactivates every view on purpose, so each ends its own calls before the old channel closes:
     * nothing stays open on it, and the session ends politely (OK), not cut by the channel's shutdown.
     */
    @Test
    void switchingServersEndsEveryViewsCallsCleanlyAndShowsNoError() throws Exception {
        await().until(() -> onFx(() -> text("#feed-status").startsWith("Live")));
        onFx(() -> {
            ViewDriver driver = new ViewDriver(robot.lookup(".tab-pane").queryAs(TabPane.class));
            driver.lookUpFirst(10);
            driver.openSessionOnAutopilot(5);
            driver.listBooks();
            driver.show("wire-tab");
            return null;
        });
        await().atMost(Duration.ofSeconds(30))
                .until(() -> onFx(() -> rows("#batch-timings") == 3
                        && rows("#session-recommendations") > 1
                        && text("#books-status").endsWith(" books.")));
        await().until(() ->
                onFx(() -> method(SESSION) != null && method(SESSION).stats().callsActive() == 1));
        // A method name longer than its column is whole in the cell's tooltip.
        assertThat(onFx(() -> robot.lookup("#wire-calls .table-cell").queryAllAs(Labeled.class).stream()
                        .filter(cell -> "RecommendationService/RecommendationSession".equals(cell.getText()))
                        .map(cell -> cell.getTooltip() == null
                                ? ""
                                : cell.getTooltip().getText())
                        .toList()))
                .containsExactly("RecommendationService/RecommendationSession");

        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        robot.clickOn("Embedded server, started by the monitor on this computer");
        robot.clickOn("Connect");
        await().atMost(Duration.ofSeconds(30))
                .ignoreExceptionsInstanceOf(IllegalStateException.class)
                .until(() -> onFx(() -> text("#server-address").startsWith("Embedded server ")
                        && text("#connection-state").equals("● ready")
                        && text("#feed-status").startsWith("Live")));

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        // The views over the new server hold one call open: the watchlist's stream. The old channel holds none.
        await().atMost(Duration.ofSeconds(10)).until(() -> onFx(() -> callsOpen() == 1));
        MethodRow watch = onFx(() -> method(WATCH));
        assertThat(watch).isNotNull();
        assertThat(watch.stats().callsActive()).isEqualTo(1);
        MethodRow session = onFx(() -> method(SESSION));
        assertThat(session).isNotNull();
        assertThat(session.stats().callsStarted()).isEqualTo(1);
        assertThat(session.stats().callsActive()).isZero();
        // Ended by the view: half-closed, answered and completed by the server; a cut call would count as failed.
        assertThat(session.stats().callsFailed()).isZero();
        assertThat(onFx(() -> robot.lookup(".dialog-pane").tryQuery().isPresent()))
                .as("an error dialog")
                .isFalse();

        // The export names each grouped column by both its headers, and writes the one call the table shows.
        TableView<?> calls = onFx(() -> robot.lookup("#wire-calls").queryTableView());
        Path callsCsv = directory.resolve("wire-calls.csv");
        assertThat(onFx(() -> TableExport.write(calls, callsCsv))).isEqualTo(1);
        List<String> lines = Files.readAllLines(callsCsv, StandardCharsets.UTF_8);
        assertThat(lines.get(0))
                .isEqualTo("#,Kind,Method,Replica,Messages out,Messages in,Messages rate,1st msg,Delivery lag p50,"
                        + "Delivery lag p99,Delivery lag histogram,Bytes out,Bytes in,Open");
        assertThat(lines.get(1)).contains(",server stream,PricingService/WatchPrices,");
    }

    private String text(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private int rows(String tableId) {
        return robot.lookup(tableId).queryTableView().getItems().size();
    }

    @SuppressWarnings("unchecked")
    private List<MethodRow> methods() {
        TableView<MethodRow> table = robot.lookup("#wire-methods").queryAs(TableView.class);
        return List.copyOf(table.getItems());
    }

    private @Nullable MethodRow method(String fullName) {
        return methods().stream()
                .filter(row -> row.stats().method().equals(fullName))
                .findFirst()
                .orElse(null);
    }

    private long callsOpen() {
        return methods().stream().mapToLong(row -> row.stats().callsActive()).sum();
    }

    @SuppressWarnings("unchecked")
    private TableView<RecommendedBook> recommendationsTable() {
        return (TableView<RecommendedBook>)
                robot.lookup("#session-recommendations").queryAs(TableView.class);
    }

    private List<String> cellTexts(String tableSelector) {
        return robot.lookup(tableSelector + " .table-cell").queryAllAs(Labeled.class).stream()
                .map(Labeled::getText)
                .filter(text -> text != null)
                .toList();
    }
}
