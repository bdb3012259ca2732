package io.tickscope.desktop.chart;

import static java.util.Objects.requireNonNull;

import atlantafx.base.theme.Styles;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.AxisMode;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.CrosshairIndicator;
import io.fair_acc.chartfx.plugins.Zoomer;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.chartfx.renderer.spi.financial.CandleStickRenderer;
import io.fair_acc.dataset.spi.DoubleDataSet;
import io.fair_acc.dataset.spi.MultiDimDoubleDataSet;
import io.tickscope.desktop.shell.TableExport;
import io.tickscope.desktop.ui.UiThread;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The chart of the selected product, drawn by chart-fx: candles or a line over time, range buttons (1h, 1d, 1w,
 * all), style buttons, zoom and pan with the mouse (wheel, drag) and the keyboard, and a crosshair with a
 * readout of the time, the bar and the price under the cursor.
 *
 * <p>chart-fx data sets carry their own lock, which the renderer takes while it lays the chart out, and a
 * data set written from within a chart-fx callback waits on itself forever. So the bars reach the data sets
 * only here, from the UI thread's pulse (before layout), once per pulse however many ticks arrived, each data
 * set in one bulk {@code set} that takes the data set's write lock and fires one invalidation itself.
 */
public final class PriceChartView {

    private static final String PANE = "price-chart-pane";
    private static final String CHART = "price-chart";
    private static final String TITLE = "chart-title";
    private static final String STATUS = "chart-subtitle";
    private static final String READOUT = "chart-readout";

    /** Dimensions of a chart-fx OHLCV data set: time, open, high, low, close, volume, open interest. */
    private static final int OHLCV_DIMENSIONS = 7;

    private static final int TIME = 0;
    private static final int OPEN = 1;
    private static final int HIGH = 2;
    private static final int LOW = 3;
    private static final int CLOSE = 4;

    /** How much one + or - changes the visible time span. */
    private static final double ZOOM_STEP = 0.5;
    /** How much of the visible time span one arrow key moves. */
    private static final double PAN_STEP = 0.2;
    /** The room above the highest and below the lowest price shown, as a share of their distance. */
    private static final double PRICE_PADDING = 0.05;
    /** The least room above and below them in pixels, so that a short chart's top wick does not meet its edge. */
    private static final double PRICE_PADDING_PIXELS = 12;
    /**
     * How far the time axis may draw past its ends: chart-fx centres a label on its tick, and its default 15 px
     * cut the first label, "17:49:24", to "7:49:24".
     */
    private static final double TIME_LABEL_OVERHANG_PIXELS = 40;

    private static final DateTimeFormatter READOUT_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault());

    private final PriceChartModel model;
    private final DefaultNumericAxis timeAxis = new DefaultNumericAxis("Time");
    private final DefaultNumericAxis priceAxis = new DefaultNumericAxis("Price");
    private final XYChart chart = new XYChart(timeAxis, priceAxis);
    private final MultiDimDoubleDataSet barSet = new MultiDimDoubleDataSet("bars", OHLCV_DIMENSIONS);
    private final DoubleDataSet closeSet = new DoubleDataSet("close");
    private final CandleStickRenderer candles = new CandleStickRenderer();
    private final ErrorDataSetRenderer line = new ErrorDataSetRenderer();
    private final Zoomer zoomer = new Zoomer(AxisMode.X);
    private final Label readout = new Label();
    private final DecimalFormat prices = new DecimalFormat("#,##0.00##", DecimalFormatSymbols.getInstance(Locale.ROOT));
    private final VBox node;

    /** How many times the fitted price span the price axis shows: below 1 after zooming in with the up key. */
    private double priceZoom = 1;

    /** Columns handed to the data sets, which copy them: kept between pulses so drawing allocates nothing. */
    private double[][] columns = new double[OHLCV_DIMENSIONS][0];

    public PriceChartView(PriceChartModel model, UiThread ui) {
        this.model = requireNonNull(model, "model");
        Runnable drawInNextPulse = requireNonNull(ui, "ui").refresher(this::draw);
        model.barsVersionProperty().addListener(observable -> drawInNextPulse.run());
        // The mouse zooms and pans the time axis inside chart-fx: the prices follow in the next pulse.
        Runnable fitPricesInNextPulse = ui.refresher(this::fitPrices);
        timeAxis.minProperty().addListener(observable -> fitPricesInNextPulse.run());
        timeAxis.maxProperty().addListener(observable -> fitPricesInNextPulse.run());

        timeAxis.setTimeAxis(true);
        // Room for the first and last candle's body; no "[unit]" after the axis names.
        timeAxis.setAutoRangePadding(0.02);
        timeAxis.setUnit(null);
        timeAxis.setAxisPadding(TIME_LABEL_OVERHANG_PIXELS);
        priceAxis.setUnit(null);
        priceAxis.setForceZeroInRange(false);
        priceAxis.setAutoRanging(false);
        candles.getDatasets().add(barSet);
        // chart-fx's own local range reads a plain data set's columns as other than time, open, high, low,
        // close and cut highs off; fitPrices sets the price axis instead, for candles and line alike.
        candles.setComputeLocalRange(false);
        line.setDrawMarker(false);
        line.setErrorStyle(ErrorStyle.NONE);
        line.setPolyLineStyle(LineStyle.NORMAL);
        line.getDatasets().add(closeSet);
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.getRenderers().setAll(candles);
        CrosshairIndicator crosshair = new CrosshairIndicator();
        crosshair.setXValueFormatter(formatter(seconds -> READOUT_TIME.format(instant(seconds))));
        crosshair.setYValueFormatter(formatter(prices::format));
        chart.getPlugins().addAll(zoomer, crosshair);
        chart.setId("price-chart");
        chart.getStyleClass().add(CHART);
        chart.setFocusTraversable(true);
        chart.addEventFilter(MouseEvent.MOUSE_PRESSED, event -> chart.requestFocus());
        chart.addEventFilter(MouseEvent.MOUSE_MOVED, this::showReadout);
        chart.addEventFilter(MouseEvent.MOUSE_EXITED, event -> readout.setText(""));
        chart.addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        model.styleProperty().addListener((observable, before, after) -> showStyle(after));
        // A new product or range starts unzoomed.
        model.shownProductProperty().addListener(observable -> resetZoom());
        model.rangeProperty().addListener(observable -> resetZoom());

        Label title = new Label();
        title.setMinWidth(Region.USE_PREF_SIZE);
        title.textProperty().bind(model.titleProperty());
        title.setId("chart-title");
        title.getStyleClass().add(TITLE);
        Label status = new Label();
        status.setId("chart-status");
        status.textProperty().bind(model.statusProperty());
        status.getStyleClass().add(STATUS);
        // The status gives way first when the pane is narrow: the title and the buttons keep their text, and
        // the status's whole text is its tooltip.
        status.setMinWidth(0);
        Tooltip wholeStatus = new Tooltip();
        wholeStatus.textProperty().bind(model.statusProperty());
        status.setTooltip(wholeStatus);
        readout.setId("chart-readout");
        readout.getStyleClass().add(READOUT);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(12, title, status, spacer, rangeButtons(), styleButtons());
        header.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(chart, Priority.ALWAYS);
        node = new VBox(4, header, chart, readout);
        node.getStyleClass().add(PANE);
    }

    public Node node() {
        return node;
    }

    /** Copies the bars into the data sets; runs in the pulse, never inside a chart-fx callback. */
    private void draw() {
        BarSeries bars = model.bars();
        int count = bars.size();
        if (columns[TIME].length < count) {
            int capacity = Math.max(count, columns[TIME].length * 2);
            columns = new double[OHLCV_DIMENSIONS][capacity];
        }
        double halfBucketSeconds = bars.resolution().length().toMillis() / 2_000.0;
        for (int i = 0; i < count; i++) {
            // A bar stands in the middle of its bucket.
            columns[TIME][i] = bars.startMillisAt(i) / 1_000.0 + halfBucketSeconds;
            columns[OPEN][i] = bars.openAt(i);
            columns[HIGH][i] = bars.highAt(i);
            columns[LOW][i] = bars.lowAt(i);
            columns[CLOSE][i] = bars.closeAt(i);
        }
        barSet.set(columns, count, true);
        closeSet.set(columns[TIME], columns[CLOSE], count, true);
        fitPrices();
    }

    /** Sets the price axis to the visible bars' prices, padded, times the price zoom. */
    private void fitPrices() {
        long fromMillis = timeAxis.isAutoRanging() ? Long.MIN_VALUE : barStartMillis(timeAxis.getMin());
        long toMillis = timeAxis.isAutoRanging() ? Long.MAX_VALUE : barStartMillis(timeAxis.getMax());
        PriceSpan fitted = PriceSpan.ofBars(
                model.bars(), fromMillis, toMillis, model.styleProperty().get());
        if (fitted == null) {
            return;
        }
        PriceSpan shown = fitted.padded(paddingFraction()).scaled(priceZoom);
        if (shown.low() != priceAxis.getMin() || shown.high() != priceAxis.getMax()) {
            priceAxis.set(shown.low(), shown.high());
            chart.requestLayout();
        }
    }

    /** The share of the prices' span to add above and below: at least {@link #PRICE_PADDING_PIXELS} each. */
    private double paddingFraction() {
        double height = priceAxis.getHeight();
        if (height <= 4 * PRICE_PADDING_PIXELS) {
            // Not laid out yet, or too short for pixels to matter.
            return PRICE_PADDING;
        }
        // padded(f) adds f of the span on each side, so f / (1 + 2f) of the axis's height.
        return Math.max(PRICE_PADDING, PRICE_PADDING_PIXELS / (height - 2 * PRICE_PADDING_PIXELS));
    }

    /** The start of the bar drawn at {@code axisSeconds} on the time axis (a bar stands mid-bucket). */
    private long barStartMillis(double axisSeconds) {
        return Math.round(axisSeconds * 1_000)
                - model.bars().resolution().length().toMillis() / 2;
    }

    private void showStyle(ChartStyle style) {
        chart.getRenderers().setAll(style == ChartStyle.LINE ? line : candles);
        fitPrices();
    }

    /** Asks where to write the bars shown as CSV, and writes them there. */
    public void exportBars() {
        TableExport.ask(chart, model.exportName(), model::csvLines);
    }

    /**
     * + and - zoom the time axis, left and right pan it, up and down zoom the price axis, Home shows everything
     * again; Ctrl+Shift+E exports.
     */
    private void onKey(KeyEvent event) {
        if (TableExport.EXPORT_KEY.match(event)) {
            exportBars();
            event.consume();
            return;
        }
        switch (event.getCode()) {
            case PLUS, ADD, EQUALS -> zoomBy(ZOOM_STEP);
            case MINUS, SUBTRACT -> zoomBy(1 / ZOOM_STEP);
            case LEFT -> panBy(-PAN_STEP);
            case RIGHT -> panBy(PAN_STEP);
            case UP -> zoomPricesBy(ZOOM_STEP);
            case DOWN -> zoomPricesBy(1 / ZOOM_STEP);
            case HOME -> resetZoom();
            default -> {
                return;
            }
        }
        event.consume();
    }

    private void zoomBy(double factor) {
        double centre = (timeAxis.getMin() + timeAxis.getMax()) / 2;
        double halfSpan = (timeAxis.getMax() - timeAxis.getMin()) / 2 * factor;
        showTimes(centre - halfSpan, centre + halfSpan);
    }

    private void panBy(double fraction) {
        double shift = (timeAxis.getMax() - timeAxis.getMin()) * fraction;
        showTimes(timeAxis.getMin() + shift, timeAxis.getMax() + shift);
    }

    private void zoomPricesBy(double factor) {
        priceZoom *= factor;
        fitPrices();
    }

    private void showTimes(double fromSeconds, double toSeconds) {
        timeAxis.setAutoRanging(false);
        timeAxis.set(fromSeconds, toSeconds);
        chart.requestLayout();
    }

    private void resetZoom() {
        zoomer.zoomOrigin();
        timeAxis.setAutoRanging(true);
        priceZoom = 1;
        fitPrices();
        chart.requestLayout();
    }

    /** The readout under the chart: the time and price under the cursor, and the bar there. */
    private void showReadout(MouseEvent event) {
        Point2D onCanvas = chart.getCanvas().sceneToLocal(event.getSceneX(), event.getSceneY());
        double seconds = timeAxis.getValueForDisplay(onCanvas.getX());
        double price = priceAxis.getValueForDisplay(onCanvas.getY());
        BarSeries bars = model.bars();
        int index = bars.nearest(Math.round(seconds * 1_000));
        StringBuilder text = new StringBuilder(READOUT_TIME.format(instant(seconds)))
                .append("  ·  ")
                .append(prices.format(price));
        if (index >= 0) {
            text.append("   bar ")
                    .append(READOUT_TIME.format(Instant.ofEpochMilli(bars.startMillisAt(index))))
                    .append("  O ")
                    .append(prices.format(bars.openAt(index)))
                    .append("  H ")
                    .append(prices.format(bars.highAt(index)))
                    .append("  L ")
                    .append(prices.format(bars.lowAt(index)))
                    .append("  C ")
                    .append(prices.format(bars.closeAt(index)));
        }
        readout.setText(text.toString());
    }

    private Node rangeButtons() {
        ToggleGroup group = new ToggleGroup();
        HBox buttons = new HBox();
        for (ChartRange range : ChartRange.values()) {
            ToggleButton button = new ToggleButton(range.label());
            button.setId("chart-range-" + range.label());
            button.setToggleGroup(group);
            button.setUserData(range);
            button.setSelected(range == model.rangeProperty().get());
            button.setFocusTraversable(false);
            buttons.getChildren().add(button);
        }
        group.selectedToggleProperty().addListener((observable, before, after) -> {
            if (after == null) {
                // A range is always chosen: clicking the chosen one again keeps it.
                group.selectToggle(before);
            } else {
                model.rangeProperty().set((ChartRange) after.getUserData());
            }
        });
        joined(buttons);
        return buttons;
    }

    private Node styleButtons() {
        ToggleGroup group = new ToggleGroup();
        ToggleButton candleButton = new ToggleButton("Candles");
        candleButton.setId("chart-candles");
        candleButton.setUserData(ChartStyle.CANDLES);
        ToggleButton lineButton = new ToggleButton("Line");
        lineButton.setId("chart-line");
        lineButton.setUserData(ChartStyle.LINE);
        HBox buttons = new HBox(lineButton, candleButton);
        for (Node child : buttons.getChildren()) {
            ToggleButton button = (ToggleButton) child;
            button.setToggleGroup(group);
            button.setSelected(button.getUserData() == model.styleProperty().get());
            button.setFocusTraversable(false);
        }
        group.selectedToggleProperty().addListener((observable, before, after) -> {
            if (after == null) {
                group.selectToggle(before);
            } else {
                model.styleProperty().set((ChartStyle) after.getUserData());
            }
        });
        joined(buttons);
        return buttons;
    }

    /** Styles a row of toggle buttons as one segmented control, AtlantaFX's way. */
    private static void joined(HBox buttons) {
        buttons.setMinWidth(Region.USE_PREF_SIZE);
        int last = buttons.getChildren().size() - 1;
        for (int i = 0; i <= last; i++) {
            Node button = buttons.getChildren().get(i);
            button.getStyleClass().add(i == 0 ? Styles.LEFT_PILL : i == last ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
            button.getStyleClass().add(Styles.SMALL);
            ((Region) button).setMinWidth(Region.USE_PREF_SIZE);
        }
    }

    private static Instant instant(double epochSeconds) {
        return Instant.ofEpochMilli(Math.round(epochSeconds * 1_000));
    }

    private static StringConverter<Number> formatter(java.util.function.DoubleFunction<String> format) {
        return new StringConverter<>() {
            @Override
            public String toString(Number value) {
                return format.apply(value.doubleValue());
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException("the chart's values are not edited");
            }
        };
    }
}
