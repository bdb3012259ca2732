package io.tickscope.desktop.app;

import static io.tickscope.desktop.testing.FxScene.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickscope.desktop.launch.ViewDriver;
import io.tickscope.desktop.testing.TestServer;
import io.tickscope.desktop.wire.MethodRow;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * File › Connect with every view at work: the watchlist streaming, a batch lookup done, a recommendation
 * session on autopilot, the catalogue listed, the wire showing. The switch deactivates every view on purpose,
 * so each ends its own calls before the old channel closes: nothing stays open on it, and the session ends
 * politely (OK), not cut by the channel's shutdown.
 */
class ServerSwitchAppTest {

    private static final String SESSION = "tickscope.recommendation.v1.RecommendationService/RecommendationSession";
    private static final String WATCH = "tickscope.pricing.v1.PricingService/WatchPrices";

    private static TestServer server;

    @TempDir
    Path directory;

    private final FxRobot robot = new FxRobot();
    private @Nullable Application app;

    @BeforeAll
    static void startServer() throws Exception {
        server = TestServer.start(20_000);
        FxToolkit.registerPrimaryStage();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void close() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
    }

    @Test
    void switchingServersEndsEveryViewsCallsCleanlyAndShowsNoError() throws Exception {
        app = FxToolkit.setupApplication(
                TickscopeApp.class,
                "--server",
                server.address().target(),
                "--settings",
                directory.resolve("desktop.properties").toString(),
                "--data-dir",
                directory.resolve("data").toString());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> onFx(() -> text("#feed-status").startsWith("Live")));

        onFx(() -> {
            ViewDriver driver = new ViewDriver(robot.lookup(".tab-pane").queryAs(TabPane.class));
            driver.lookUpFirst(10);
            driver.openSessionOnAutopilot(5);
            driver.listBooks();
            driver.show("wire-tab");
            return null;
        });
        await().atMost(Duration.ofSeconds(30))
                .until(() -> onFx(() -> robot.lookup("#batch-timings")
                                        .queryTableView()
                                        .getItems()
                                        .size()
                                == 3
                        && text("#books-status").endsWith(" books.")
                        && robot.lookup("#session-recommendations")
                                        .queryTableView()
                                        .getItems()
                                        .size()
                                > 1));
        await().until(() ->
                onFx(() -> method(SESSION) != null && method(SESSION).stats().callsActive() == 1));

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
    }

    private String text(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
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
}
