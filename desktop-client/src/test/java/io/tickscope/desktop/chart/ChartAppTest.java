package io.tickscope.desktop.chart;

import static io.tickscope.desktop.testing.FxScene.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.DataSet;
import io.tickscope.desktop.testing.MonitorLaunch;
import io.tickscope.desktop.testing.TestServer;
import io.tickscope.desktop.watchlist.WatchlistRowModel;
import io.tickscope.shared.money.Amount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.awaitility.core.ConditionTimeoutException;
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
 * The real application, headless, against a real server whose product changed price in several seconds before
 * the monitor started, with a still market after: the chart of the selected product shows those changes as
 * bars at once (no live tick could have made them), goes on live without a bar twice at the seam, and answers
 * the range and style buttons, the zoom keys and the mouse.
 */
class ChartAppTest {

    private static final String PRODUCT = "P00007";
    /** Seconds in which the product's price changed before the monitor started. */
    private static final int HISTORY_SECONDS = 3;
    /** Where the candles' data set keeps highs and lows (time, open, high, low, close, ...). */
    private static final int HIGH_DIMENSION = 2;

    private static final int LOW_DIMENSION = 3;
    /** How often a click or a move is made before the chart counts as not answering it. */
    private static final int GESTURE_ATTEMPTS = 3;

    private static TestServer server;
    private static Instant historyEnd;

    @TempDir
    Path directory;

    private final FxRobot robot = new FxRobot();
    private @Nullable Application app;

    @BeforeAll
    static void startServerWithHistory() throws Exception {
        server = TestServer.start(0);
        for (int second = 0; second < HISTORY_SECONDS; second++) {
            // Three changes in a second: a candle whose high and low stand well off its open and close.
            server.movePrice(PRODUCT, second % 2 == 0 ? "1.03" : "0.98");
            server.movePrice(PRODUCT, "1.10");
            server.movePrice(PRODUCT, "0.85");
            // The server applied the change by now: the next one falls in a later second, so each makes a bar.
            long applied = Instant.now().getEpochSecond();
            await().until(() -> Instant.now().getEpochSecond() > applied);
        }
        historyEnd = Instant.now();
        FxToolkit.registerPrimaryStage();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void launch() throws Exception {
        Files.writeString(MonitorLaunch.settingsIn(directory), "watchlist.products=" + PRODUCT + "\n");
        app = MonitorLaunch.against(server.address(), directory);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> onFx(() -> robot.lookup("#price-chart").tryQuery().isPresent()));
        // The mouse and keys go to whatever window is on top: a window an earlier test in this JVM left behind
        // must not take this test's clicks.
        onFx(() -> {
            Stage window = (Stage) chart().getScene().getWindow();
            window.toFront();
            window.requestFocus();
            return window;
        });
    }

    @AfterEach
    void close() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
    }

    @Test
    void historyFillsTheChartAtOpen() {
        await().atMost(Duration.ofSeconds(30)).until(() -> status().contains("from history"));
        await().atMost(Duration.ofSeconds(10)).until(() -> shown().times().length >= HISTORY_SECONDS);

        double[] times = shown().times();
        assertThat(Arrays.stream(times).filter(time -> time < historyEnd.getEpochSecond()))
                .as("bars of the seconds before the monitor started: only history can have drawn them")
                .hasSizeGreaterThanOrEqualTo(HISTORY_SECONDS);
        assertThat(status()).startsWith(times.length + " bars of 1 s from history");
    }

    @Test
    void aLiveTickCarriesTheLastBarOnWithNoBarTwiceAtTheSeam() {
        await().atMost(Duration.ofSeconds(30)).until(() -> status().contains("from history"));
        await().atMost(Duration.ofSeconds(10)).until(() -> shown().times().length >= HISTORY_SECONDS);
        Bars before = shown();

        server.movePrice(PRODUCT, "1.05");
        await().atMost(Duration.ofSeconds(20)).until(() -> shown().lastClose() != before.lastClose());

        Bars after = shown();
        assertThat(after.times().length)
                .as("the change extends the last bar or opens one more, never repeats history's bars")
                .isBetween(before.times().length, before.times().length + 1);
        for (int i = 1; i < after.times().length; i++) {
            assertThat(after.times()[i]).as("bar %d after bar %d", i, i - 1).isGreaterThan(after.times()[i - 1]);
        }
        assertThat(Arrays.copyOf(after.times(), before.times().length - 1))
                .as("history's bars stay as they were")
                .containsExactly(Arrays.copyOf(before.times(), before.times().length - 1));
        Amount segmentPrice = onFx(() -> row().segmentPriceProperty().get());
        assertThat(after.lastClose()).isEqualTo(BarSeries.decimal(segmentPrice));
    }

    @Test
    void rangeAndStyleButtonsDrawTheBarsAgain() {
        await().atMost(Duration.ofSeconds(30)).until(() -> status().contains("from history"));

        untilAnswered(() -> robot.clickOn("#chart-range-1d"), () -> selected("#chart-range-1d"));
        await().atMost(Duration.ofSeconds(30)).until(() -> status().contains("of 1 min from history"));
        await().atMost(Duration.ofSeconds(10)).until(() -> shown().times().length >= 1);
        int bars = shown().times().length;

        untilAnswered(() -> robot.clickOn("#chart-line"), () -> selected("#chart-line"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> onFx(() -> chart().getRenderers().get(0) instanceof ErrorDataSetRenderer));
        assertThat(shown().times())
                .as("the line joins the closes of the same bars")
                .hasSize(bars);
    }

    @Test
    void keysZoomAndPanTheTimeAxisAndHomeShowsEverything() {
        await().atMost(Duration.ofSeconds(30)).until(() -> status().contains("from history"));
        focusTheChart();
        double span = onFx(() -> span(chart().getXAxis()));

        robot.type(KeyCode.ADD);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !onFx(() -> chart().getXAxis().isAutoRanging()));
        assertThat(onFx(() -> span(chart().getXAxis())))
                .isCloseTo(span / 2, org.assertj.core.data.Offset.offset(span / 100));

        double min = onFx(() -> chart().getXAxis().getMin());
        robot.type(KeyCode.LEFT);
        assertThat(onFx(() -> chart().getXAxis().getMin())).isLessThan(min);

        robot.type(KeyCode.HOME);
        assertThat(onFx(() -> chart().getXAxis().isAutoRanging())).isTrue();
    }

    @Test
    void thePriceAxisHoldsEveryCandleAndUpAndDownZoomIt() {
        await().atMost(Duration.ofSeconds(30)).until(() -> status().contains("from history"));
        await().atMost(Duration.ofSeconds(10)).until(() -> shown().times().length >= HISTORY_SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            double[] lowAndHigh = lowestLowAndHighestHigh();
            Axis prices = onFx(() -> chart().getYAxis());
            return onFx(() -> prices.getMin() < lowAndHigh[0] && prices.getMax() > lowAndHigh[1]);
        });

        focusTheChart();
        double fitted = onFx(() -> span(chart().getYAxis()));
        robot.type(KeyCode.UP);
        awaitPriceSpan(fitted / 2);
        robot.type(KeyCode.DOWN, KeyCode.DOWN);
        awaitPriceSpan(fitted * 2);
        robot.type(KeyCode.HOME);
        awaitPriceSpan(fitted);
    }

    private void awaitPriceSpan(double expected) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(onFx(() -> span(chart().getYAxis())))
                .isCloseTo(expected, org.assertj.core.data.Offset.offset(expected / 100)));
    }

    @Test
    void theTitleNamesTheRestoredProductOnceItsFirstPriceArrives() {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !onFx(() -> row().nameProperty().get()).equals(PRODUCT));
        String name = onFx(() -> row().nameProperty().get());

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(title()).isEqualTo(name + "  ·  " + PRODUCT));
    }

    @Test
    void theCrosshairReadsOutTheTimeAndBarUnderTheCursor() {
        await().atMost(Duration.ofSeconds(30)).until(() -> status().contains("from history"));
        await().atMost(Duration.ofSeconds(10)).until(() -> shown().times().length >= HISTORY_SECONDS);

        untilAnswered(
                () -> {
                    robot.moveTo("#price-chart");
                    robot.moveBy(5, 5);
                },
                () -> !readout().isEmpty());
        assertThat(readout()).contains(" bar ").contains(" O ").contains(" C ");
    }

    private void focusTheChart() {
        untilAnswered(() -> robot.clickOn("#price-chart"), () -> onFx(() -> chart().isFocused()));
    }

    /**
     * Makes {@code gesture} until the application shows {@code answered}, at most {@value #GESTURE_ATTEMPTS}
     * times. A chart that never answers fails with where the input went: the windows, the chart's place on the
     * screen and the focus (that is how a modal dialog left open by an earlier test showed itself).
     */
    private void untilAnswered(Runnable gesture, Callable<Boolean> answered) {
        List<String> missed = new ArrayList<>();
        for (int attempt = 0; attempt < GESTURE_ATTEMPTS; attempt++) {
            gesture.run();
            try {
                await().atMost(Duration.ofSeconds(10)).until(answered);
                return;
            } catch (ConditionTimeoutException e) {
                missed.add(whereInputGoes());
            }
        }
        throw new AssertionError("no answer to " + GESTURE_ATTEMPTS + " gestures: " + missed);
    }

    /** The windows, the chart's place on the screen and the focus, for a failure's message. */
    private String whereInputGoes() {
        return onFx(() -> {
            XYChart chart = chart();
            return "windows "
                    + Window.getWindows().stream()
                            .map(window -> window.getClass().getSimpleName() + " at " + window.getX() + ","
                                    + window.getY() + " " + window.getWidth() + "x" + window.getHeight()
                                    + (window.isFocused() ? " focused" : ""))
                            .toList()
                    + ", chart on screen " + chart.localToScreen(chart.getBoundsInLocal())
                    + ", focus on " + chart.getScene().getFocusOwner();
        });
    }

    /** The bars the chart draws: their times (seconds since the epoch) and the last close. */
    private record Bars(double[] times, double lastClose) {}

    private Bars shown() {
        return onFx(() -> {
            DataSet drawn = chart().getRenderers().get(0).getDatasets().get(0);
            int closeDimension = drawn.getDimension() == 7 ? 4 : 1;
            return drawn.lock().readLockGuard(() -> {
                int count = drawn.getDataCount();
                double[] times = Arrays.copyOf(drawn.getValues(DataSet.DIM_X), count);
                return new Bars(times, count == 0 ? Double.NaN : drawn.get(closeDimension, count - 1));
            });
        });
    }

    /** The lowest low and the highest high of the candles drawn. */
    private double[] lowestLowAndHighestHigh() {
        return onFx(() -> {
            DataSet drawn = chart().getRenderers().get(0).getDatasets().get(0);
            return drawn.lock().readLockGuard(() -> {
                double[] lowAndHigh = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
                for (int i = 0; i < drawn.getDataCount(); i++) {
                    lowAndHigh[0] = Math.min(lowAndHigh[0], drawn.get(LOW_DIMENSION, i));
                    lowAndHigh[1] = Math.max(lowAndHigh[1], drawn.get(HIGH_DIMENSION, i));
                }
                return lowAndHigh;
            });
        });
    }

    private XYChart chart() {
        return robot.lookup("#price-chart").queryAs(XYChart.class);
    }

    private String status() {
        return onFx(() -> robot.lookup("#chart-status").queryAs(Label.class).getText());
    }

    private boolean selected(String toggleId) {
        return onFx(() -> robot.lookup(toggleId).queryAs(ToggleButton.class).isSelected());
    }

    private String title() {
        return onFx(() -> robot.lookup("#chart-title").queryAs(Label.class).getText());
    }

    private String readout() {
        return onFx(() -> robot.lookup("#chart-readout").queryAs(Label.class).getText());
    }

    @SuppressWarnings("unchecked")
    private WatchlistRowModel row() {
        TableView<WatchlistRowModel> table = robot.lookup("#watchlist-table").queryAs(TableView.class);
        List<WatchlistRowModel> rows = table.getItems();
        return rows.stream()
                .filter(candidate -> candidate.productId().equals(PRODUCT))
                .findFirst()
                .orElseThrow();
    }

    private static double span(Axis axis) {
        return axis.getMax() - axis.getMin();
    }
}
