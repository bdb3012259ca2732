package io.tickscope.desktop.app;

import static io.tickscope.desktop.testing.FxScene.onFx;
import static org.awaitility.Awaitility.await;

import io.tickscope.desktop.model.RecommendedBook;
import io.tickscope.desktop.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.Spinner;
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
 * recommendation session as a user drives them, through the keyboard shortcuts and the buttons.
 */
class ViewsAppTest {

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
        app = FxToolkit.setupApplication(
                TickscopeApp.class,
                "--server",
                server.address().target(),
                "--settings",
                directory.resolve("desktop.properties").toString(),
                "--data-dir",
                directory.resolve("data").toString());
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
