package io.tickscope.desktop.watchlist;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.TableCell;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineJoin;
import org.jspecify.annotations.Nullable;

/**
 * A small line of the product's latest prices, green when the last is above the first, red when below.
 * The cell's value is the row's history version, so it redraws exactly when the history changes.
 */
final class SparklineCell extends TableCell<WatchlistRowModel, Number> {

    /** How many of the latest points the line shows. */
    static final int POINTS = 60;

    private static final double WIDTH = 110;
    private static final double HEIGHT = 20;
    private static final double MARGIN = 2;

    private final Canvas canvas = new Canvas(WIDTH, HEIGHT);

    @Override
    protected void updateItem(@Nullable Number historyVersion, boolean empty) {
        super.updateItem(historyVersion, empty);
        // The row's item can lag behind the cell's index while the table sorts; the index is the truth.
        int index = getIndex();
        if (empty
                || historyVersion == null
                || index < 0
                || index >= getTableView().getItems().size()) {
            setGraphic(null);
            return;
        }
        draw(getTableView().getItems().get(index).history());
        setGraphic(canvas);
    }

    private void draw(PriceHistory history) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, WIDTH, HEIGHT);
        int count = Math.min(POINTS, history.size());
        if (count < 2) {
            return;
        }
        int first = history.size() - count;
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (int i = first; i < history.size(); i++) {
            min = Math.min(min, history.priceAt(i));
            max = Math.max(max, history.priceAt(i));
        }
        double range = max - min;
        double start = history.priceAt(first);
        double end = history.priceAt(history.size() - 1);
        g.setStroke(colourOf(start, end));
        g.setLineWidth(1.5);
        g.setLineJoin(StrokeLineJoin.ROUND);
        // The latest point sits at the right edge; a young history grows in from the right.
        double step = (WIDTH - 2 * MARGIN) / (POINTS - 1);
        g.beginPath();
        for (int i = 0; i < count; i++) {
            double x = WIDTH - MARGIN - (count - 1 - i) * step;
            double y = range == 0
                    ? HEIGHT / 2
                    : HEIGHT - MARGIN - (HEIGHT - 2 * MARGIN) * (history.priceAt(first + i) - min) / range;
            if (i == 0) {
                g.moveTo(x, y);
            } else {
                g.lineTo(x, y);
            }
        }
        g.stroke();
    }

    private static Color colourOf(double start, double end) {
        if (end > start) {
            return WatchlistStyles.RISING;
        }
        return end < start ? WatchlistStyles.FALLING : WatchlistStyles.FLAT;
    }
}
