package io.tickscope.desktop.recommendations;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
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

    private final XYChart.Series<Number, Number> actions = series("Actions sent/s");
    private final XYChart.Series<Number, Number> updates = series("Updates received/s");
    private final List<XYChart.Series<Number, Number>> topScores =
            List.of(series("Best score"), series("Second"), series("Third"));

    SessionCharts(ObservableList<SessionSecond> timeline) {
        super(6);
        LineChart<Number, Number> rates = chart("Per second", List.of(actions, updates));
        LineChart<Number, Number> scores = chart("Top scores", topScores);
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
        actions.getData().setAll(actionPoints);
        updates.getData().setAll(updatePoints);
        for (int rank = 0; rank < topScores.size(); rank++) {
            topScores.get(rank).getData().setAll(scorePoints.get(rank));
        }
    }

    private static LineChart<Number, Number> chart(String title, List<XYChart.Series<Number, Number>> series) {
        NumberAxis seconds = new NumberAxis();
        seconds.setLabel("seconds since the session opened");
        seconds.setForceZeroInRange(false);
        seconds.setAnimated(false);
        NumberAxis values = new NumberAxis();
        values.setAnimated(false);
        LineChart<Number, Number> chart = new LineChart<>(seconds, values);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
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
