package io.tickscope.desktop.recommendations;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Side;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The session's live chart: actions sent and updates received per second, and the top scores, over the
 * timeline's bounded window. Redrawn once a second when the timeline grows; animation off, no symbols.
 */
final class SessionCharts extends VBox {

    private static final int TICK_SECONDS = 10;

    private final XYChart.Series<Number, Number> actions = series("Actions sent/s");
    private final XYChart.Series<Number, Number> updates = series("Updates received/s");
    private final List<XYChart.Series<Number, Number>> topScores =
            List.of(series("Best score"), series("Second"), series("Third"));
    private final NumberAxis ratesSeconds = secondsAxis();
    private final NumberAxis scoresSeconds = secondsAxis();

    SessionCharts(ObservableList<SessionSecond> timeline) {
        super(6);
        LineChart<Number, Number> rates = chart("Per second", ratesSeconds, List.of(actions, updates));
        LineChart<Number, Number> scores = chart("Top scores", scoresSeconds, topScores);
        ((NumberAxis) scores.getYAxis()).setForceZeroInRange(false);
        VBox.setVgrow(rates, Priority.ALWAYS);
        VBox.setVgrow(scores, Priority.ALWAYS);
        getChildren().addAll(rates, scores);
        timeline.addListener((ListChangeListener<SessionSecond>) change -> redraw(timeline));
    }

    private void redraw(List<SessionSecond> seconds) {
        List<XYChart.Data<Number, Number>> actionPoints = new ArrayList<>(seconds.size());
        List<XYChart.Data<Number, Number>> updatePoints = new ArrayList<>(seconds.size());
        List<List<XYChart.Data<Number, Number>>> scorePoints =
                List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (SessionSecond second : seconds) {
            actionPoints.add(new XYChart.Data<>(second.second(), second.actionsSent()));
            updatePoints.add(new XYChart.Data<>(second.second(), second.updatesReceived()));
            for (int rank = 0; rank < second.topScores().size(); rank++) {
                scorePoints
                        .get(rank)
                        .add(new XYChart.Data<>(
                                second.second(), second.topScores().get(rank)));
            }
        }
        // Whole seconds on a steady window: auto-ranging would tick at half seconds and jump as it grows.
        long last = seconds.isEmpty() ? 0 : seconds.get(seconds.size() - 1).second();
        long first = Math.max(1, last - SessionViewModel.TIMELINE_SECONDS + 1);
        for (NumberAxis axis : List.of(ratesSeconds, scoresSeconds)) {
            axis.setLowerBound(first);
            axis.setUpperBound(Math.max(first + TICK_SECONDS, last));
        }
        actions.getData().setAll(actionPoints);
        updates.getData().setAll(updatePoints);
        for (int rank = 0; rank < topScores.size(); rank++) {
            topScores.get(rank).getData().setAll(scorePoints.get(rank));
        }
    }

    private static NumberAxis secondsAxis() {
        NumberAxis seconds = new NumberAxis(1, 1 + TICK_SECONDS, TICK_SECONDS);
        seconds.setAutoRanging(false);
        seconds.setMinorTickCount(TICK_SECONDS);
        seconds.setLabel("seconds since the session opened");
        seconds.setAnimated(false);
        return seconds;
    }

    private static LineChart<Number, Number> chart(
            String title, NumberAxis seconds, List<XYChart.Series<Number, Number>> series) {
        NumberAxis values = new NumberAxis();
        values.setAnimated(false);
        LineChart<Number, Number> chart = new LineChart<>(seconds, values);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendSide(Side.RIGHT);
        chart.setMinHeight(160);
        chart.getData().setAll(series);
        return chart;
    }

    private static XYChart.Series<Number, Number> series(String name) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        return series;
    }
}
