package io.tickscope.desktop.watchlist;

import static java.util.Objects.requireNonNull;

import atlantafx.base.theme.Styles;
import io.tickscope.desktop.alerts.AlertsModel;
import io.tickscope.desktop.chart.PriceChartModel;
import io.tickscope.desktop.chart.PriceChartView;
import io.tickscope.desktop.model.Segment;
import io.tickscope.desktop.replay.ReplayPlayer;
import io.tickscope.desktop.replay.ReplayWindow;
import io.tickscope.desktop.rpc.PricingClient;
import io.tickscope.desktop.settings.DesktopSettings;
import io.tickscope.desktop.shell.TableExport;
import io.tickscope.desktop.shell.View;
import io.tickscope.desktop.ui.MoneyFormat;
import io.tickscope.desktop.ui.UiThread;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.jspecify.annotations.Nullable;

/**
 * The watchlist tab: the product picker on the left; on the right a toolbar (segment, currency, stream
 * status), the live table and the chart of the selected product.
 */
public final class WatchlistView implements View {

    /** How often ages, countdowns and flashes move on. */
    private static final Duration CLOCK_PERIOD = Duration.millis(250);

    private static final DateTimeFormatter RECORDING_NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private final WatchlistViewModel model;
    private final ProductPicker picker;
    private final TableView<WatchlistRowModel> table;
    private final PriceChartModel chartModel;
    private final PriceChartView chart;
    private final Timeline clock;
    private final SplitPane node;
    /** Opens a replay window over the given owner; absent in a replay itself. */
    private @Nullable Consumer<Window> replayOpener;

    /** Shows {@code model}'s products, and the selected one in a chart of {@code chartModel} fed by its ticks. */
    public WatchlistView(WatchlistViewModel model, PriceChartModel chartModel, UiThread ui, MoneyFormat money) {
        this.model = requireNonNull(model, "model");
        this.chartModel = requireNonNull(chartModel, "chartModel");
        picker = new ProductPicker(model);
        table = WatchlistTable.create(model, money);
        TableExport.offer(table, "watchlist");
        chart = new PriceChartView(chartModel, ui);
        model.onShownTick(chartModel::onTick);
        clock = new Timeline(new KeyFrame(CLOCK_PERIOD, event -> model.refreshClock()));
        clock.setCycleCount(Animation.INDEFINITE);

        table.getSelectionModel().selectedItemProperty().addListener((observable, before, after) -> chartSelected());
        // Another currency or segment quotes the history differently: the chart fills again.
        model.currencyProperty().addListener(observable -> chartSelected());
        model.segmentProperty().addListener(observable -> chartSelected());
        // Something is always charted: the first product, until the user picks another.
        table.getItems().addListener((ListChangeListener<WatchlistRowModel>) change -> {
            if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
                table.getSelectionModel().selectFirst();
            }
        });
        table.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.DELETE || event.getCode() == KeyCode.BACK_SPACE) {
                removeSelected();
                event.consume();
            }
        });

        SplitPane tableAndChart = new SplitPane(table, chart.node());
        tableAndChart.setOrientation(Orientation.VERTICAL);
        tableAndChart.setDividerPositions(0.6);
        BorderPane main = new BorderPane(tableAndChart);
        main.setTop(toolbar());

        node = new SplitPane(picker.node(), main);
        // Narrow enough that every column of the table fits beside the list in the default 1280 px window.
        node.setDividerPositions(0.16);
        SplitPane.setResizableWithParent(picker.node(), false);
        node.getStyleClass().add(WatchlistStyles.WATCHLIST);
    }

    /**
     * Returns the watchlist over {@code pricing}, showing the products, currency and segment {@code remembered}
     * from the last run; prices reach it through {@code ui}.
     */
    public static WatchlistView create(
            PricingClient pricing, UiThread ui, MoneyFormat money, DesktopSettings remembered, AlertsModel alerts) {
        WatchlistViewModel model = new WatchlistViewModel(pricing, ui, Clock.systemUTC());
        watchAlerts(model, alerts);
        model.currencyProperty().set(remembered.currency());
        model.segmentProperty().set(remembered.segment());
        model.restore(remembered.watchedProducts());
        WatchlistView view = new WatchlistView(model, new PriceChartModel(pricing, ui, Clock.systemUTC()), ui, money);
        view.replayOpener = owner -> ReplayWindow.choose(owner, ui, money, alerts);
        return view;
    }

    /** Returns a watchlist over {@code replay}: its recorded products, in its currency, with no server. */
    public static WatchlistView replaying(ReplayPlayer replay, UiThread ui, MoneyFormat money, AlertsModel alerts) {
        WatchlistViewModel model = new WatchlistViewModel(replay, null, ui, replay.clock());
        model.currencyProperty().set(replay.currency());
        watchAlerts(model, alerts);
        model.restore(replay.productIds());
        // A replay has no server to ask for history: its chart fills from the replayed ticks.
        return new WatchlistView(model, new PriceChartModel(null, ui, replay.clock()), ui, money);
    }

    public WatchlistViewModel model() {
        return model;
    }

    /** Checks every tick of the stream against {@code alerts} and marks the rows that have some. */
    static void watchAlerts(WatchlistViewModel model, AlertsModel alerts) {
        model.onEveryTick(alerts::onTick);
        model.followAlerted(alerts.alertedProductsProperty());
    }

    @Override
    public String title() {
        return "Watchlist";
    }

    @Override
    public Node node() {
        return node;
    }

    /** Starts the stream and the clock. */
    @Override
    public void activate() {
        model.activate();
        clock.play();
    }

    /** Stops the stream and the clock. */
    @Override
    public void deactivate() {
        clock.stop();
        model.deactivate();
    }

    /** The watched products, their currency and segment. */
    @Override
    public DesktopSettings remember(DesktopSettings settings) {
        return settings.withWatchlist(
                model.productIds(),
                model.currencyProperty().get(),
                model.segmentProperty().get());
    }

    /** Watchlist › Find product (Ctrl+L) and Remove selected products. */
    @Override
    public List<Menu> menus() {
        MenuItem find = new MenuItem("_Find product…");
        find.setAccelerator(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN));
        find.setOnAction(event -> focusSearch());
        MenuItem remove = new MenuItem("_Remove selected products  (Delete in the table)");
        remove.setOnAction(event -> removeSelected());
        Menu watchlist = new Menu("_Watchlist");
        watchlist.getItems().setAll(find, remove);
        Consumer<Window> opener = replayOpener;
        if (opener != null) {
            MenuItem record = new MenuItem("Re_cord to file…");
            record.setAccelerator(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN));
            record.setOnAction(event -> chooseRecording());
            MenuItem stop = new MenuItem("_Stop recording");
            stop.setAccelerator(
                    new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
            stop.setOnAction(event -> model.stopRecording());
            MenuItem replay = new MenuItem("_Replay a recording…");
            replay.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
            replay.setOnAction(event -> opener.accept(node.getScene().getWindow()));
            watchlist.getItems().addAll(new SeparatorMenuItem(), record, stop, replay);
        }
        MenuItem export = new MenuItem("_Export as CSV…");
        export.setOnAction(event -> TableExport.ask(table, "watchlist"));
        MenuItem exportBars = new MenuItem("Export the chart's _bars as CSV…  (Ctrl+Shift+E in the chart)");
        exportBars.setOnAction(event -> chart.exportBars());
        watchlist.getItems().addAll(new SeparatorMenuItem(), export, exportBars);
        return List.of(watchlist);
    }

    /** How many live changes the table has shown. */
    @Override
    public ReadOnlyLongProperty liveUpdatesShown() {
        return model.liveTicksShownProperty();
    }

    /** What the price stream is doing, in a few words. */
    @Override
    public ReadOnlyStringProperty feedStatus() {
        return model.feedMessageProperty();
    }

    /** Asks where to record the stream, then records into it. */
    private void chooseRecording() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Record the price stream");
        chooser.setInitialFileName("tickscope-" + RECORDING_NAME.format(LocalDateTime.now()) + ".tsrec");
        java.io.File chosen = chooser.showSaveDialog(node.getScene().getWindow());
        if (chosen != null) {
            model.startRecording(chosen.toPath());
        }
    }

    /** The table, for export and tests. */
    public TableView<WatchlistRowModel> table() {
        return table;
    }

    /** Shows the selected product in the chart, in the watchlist's currency and segment. */
    private void chartSelected() {
        WatchlistRowModel row = table.getSelectionModel().getSelectedItem();
        if (row == null) {
            chartModel.showNothing();
        } else {
            chartModel.show(
                    row.productId(),
                    row.nameProperty(),
                    model.currencyProperty().get(),
                    model.segmentProperty().get());
        }
    }

    /** Moves the keyboard to the product search. */
    private void focusSearch() {
        picker.focusSearch();
    }

    /** Stops watching the products selected in the table. */
    private void removeSelected() {
        model.remove(List.copyOf(table.getSelectionModel().getSelectedItems()));
    }

    private Node toolbar() {
        ComboBox<Segment> segment = new ComboBox<>();
        segment.getItems().setAll(Segment.values());
        segment.valueProperty().bindBidirectional(model.segmentProperty());
        segment.setId("segment-chooser");

        ComboBox<Currency> currency = new ComboBox<>();
        currency.getItems().setAll(WatchlistViewModel.CURRENCIES);
        currency.valueProperty().bindBidirectional(model.currencyProperty());
        currency.setConverter(new StringConverter<>() {
            @Override
            public String toString(Currency value) {
                return value == null ? "" : value.getCurrencyCode() + "  " + value.getSymbol(Locale.getDefault());
            }

            @Override
            public Currency fromString(String text) {
                return Currency.getInstance(text.substring(0, 3));
            }
        });
        currency.setId("currency-chooser");

        Button remove = new Button("Remove");
        remove.disableProperty()
                .bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(event -> removeSelected());
        remove.getStyleClass().add(Styles.FLAT);

        Label feed = new Label();
        feed.setId("feed-status");
        feed.getStyleClass().add(WatchlistStyles.FEED_STATUS);
        feed.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> feedText(model), model.feedMessageProperty(), model.updatesPerSecondProperty()));
        model.feedStateProperty().addListener((observable, before, after) -> {
            feed.pseudoClassStateChanged(WatchlistStyles.of(before), false);
            feed.pseudoClassStateChanged(WatchlistStyles.of(after), true);
        });
        feed.pseudoClassStateChanged(
                WatchlistStyles.of(model.feedStateProperty().get()), true);

        Label recording = new Label();
        recording.setId("recording-status");
        recording.getStyleClass().add(Styles.DANGER);
        recording.textProperty().bind(model.recordingStatusProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(
                8, new Label("Segment"), segment, new Label("Currency"), currency, remove, spacer, recording, feed);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.getStyleClass().add(WatchlistStyles.TOOLBAR);
        return toolbar;
    }

    private static String feedText(WatchlistViewModel model) {
        String message = model.feedMessageProperty().get();
        if (model.feedStateProperty().get() != FeedState.LIVE) {
            return message;
        }
        return String.format(
                Locale.ROOT,
                "%s  ·  %d products  ·  %.0f updates/s",
                message,
                model.rows().size(),
                model.updatesPerSecondProperty().get());
    }
}
