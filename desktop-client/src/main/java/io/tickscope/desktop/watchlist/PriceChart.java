package io.tickscope.desktop.watchlist;

import io.tickscope.desktop.ui.MoneyFormat;
import io.tickscope.shared.money.Amount;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.jspecify.annotations.Nullable;

/**
 * A live line of the selected product's list price over its held history. The series mirrors the row's
 * bounded history point by point (a new price appends one point, the oldest drops off), with animation off
 * so the line never lags the table.
 */
final class PriceChart {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final MoneyFormat money;
    private final NumberAxis timeAxis = new NumberAxis();
    private final NumberAxis priceAxis = new NumberAxis();
    private final LineChart<Number, Number> chart = new LineChart<>(timeAxis, priceAxis);
    private final XYChart.Series<Number, Number> series = new XYChart.Series<>();
    private final Label title = new Label("No product selected");
    private final Label subtitle = new Label();
    private final VBox node;
    private final InvalidationListener onHistoryChange = observable -> update();

    private @Nullable WatchlistRowModel shown;
    private long shownVersion;

    PriceChart(MoneyFormat money) {
        this.money = money;
        timeAxis.setForceZeroInRange(false);
        timeAxis.setMinorTickVisible(false);
        timeAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number epochSeconds) {
                return TIME.format(Instant.ofEpochMilli((long) (epochSeconds.doubleValue() * 1_000)));
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException("the time axis is not edited");
            }
        });
        priceAxis.setForceZeroInRange(false);
        priceAxis.setMinorTickVisible(false);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(false);
        chart.setHorizontalZeroLineVisible(false);
        chart.setVerticalGridLinesVisible(false);
        chart.getData().add(series);
        chart.setId("price-chart");
        title.getStyleClass().add(WatchlistStyles.CHART_TITLE);
        subtitle.getStyleClass().add(WatchlistStyles.CHART_SUBTITLE);
        HBox header = new HBox(12, title, subtitle);
        header.setAlignment(javafx.geometry.Pos.BASELINE_LEFT);
        VBox.setVgrow(chart, Priority.ALWAYS);
        node = new VBox(4, header, chart);
        node.getStyleClass().add("price-chart-pane");
    }

    Node node() {
        return node;
    }

    /** Follows {@code row}'s history from now on; null clears the chart. */
    void show(@Nullable WatchlistRowModel row) {
        if (shown != null) {
            shown.historyVersionProperty().removeListener(onHistoryChange);
        }
        shown = row;
        series.getData().clear();
        shownVersion = 0;
        if (row == null) {
            title.setText("No product selected");
            subtitle.setText("");
            return;
        }
        title.setText(row.nameProperty().get());
        row.historyVersionProperty().addListener(onHistoryChange);
        update();
    }

    private void update() {
        WatchlistRowModel row = shown;
        if (row == null) {
            return;
        }
        PriceHistory history = row.history();
        long version = row.historyVersionProperty().get();
        long added = version - shownVersion;
        ObservableList<XYChart.Data<Number, Number>> data = series.getData();
        if (data.isEmpty() || added >= history.size()) {
            // A new row, a restarted session or more new points than are held: draw it all again.
            List<XYChart.Data<Number, Number>> all = new ArrayList<>(history.size());
            for (int i = 0; i < history.size(); i++) {
                all.add(point(history, i));
            }
            series.getData().setAll(all);
        } else {
            for (int i = history.size() - (int) added; i < history.size(); i++) {
                data.add(point(history, i));
            }
            if (data.size() > history.capacity()) {
                data.remove(0, data.size() - history.capacity());
            }
        }
        shownVersion = version;
        title.setText(row.nameProperty().get());
        subtitle.setText(describe(row));
    }

    private String describe(WatchlistRowModel row) {
        Amount price = row.priceProperty().get();
        Double percent = row.changePercentProperty().get();
        if (price == null || percent == null) {
            return row.productId();
        }
        return row.productId() + "  ·  " + money.format(price) + "  ·  " + money.formatSignedPercent(percent)
                + " this session";
    }

    private static XYChart.Data<Number, Number> point(PriceHistory history, int index) {
        return new XYChart.Data<>(history.epochMillisAt(index) / 1_000.0, history.priceAt(index));
    }
}
