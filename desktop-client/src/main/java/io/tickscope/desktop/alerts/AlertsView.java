package io.tickscope.desktop.alerts;

import static java.util.Objects.requireNonNull;

import atlantafx.base.theme.Styles;
import io.tickscope.desktop.model.AlertFiring;
import io.tickscope.desktop.model.AlertKind;
import io.tickscope.desktop.model.AlertRule;
import io.tickscope.desktop.settings.DesktopSettings;
import io.tickscope.desktop.shell.Notifications;
import io.tickscope.desktop.shell.TableExport;
import io.tickscope.desktop.shell.View;
import io.tickscope.desktop.ui.MoneyFormat;
import io.tickscope.desktop.wire.TableColumns;
import io.tickscope.shared.money.Amount;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The alerts tab: a line to add an alert, the alerts that watch, and the log of what fired, with the time and
 * price of the tick that fired it. A firing also shows as a notification inside the window while another tab
 * shows.
 */
public final class AlertsView implements View {

    /** The tab's title. */
    public static final String TITLE = "Alerts";

    /** The windows a move can be measured over. */
    static final List<Duration> WINDOWS =
            List.of(Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofHours(1));

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT);

    private final AlertsModel model;
    private final TextField product = new TextField();
    private final TableView<AlertRule> rulesTable;
    private final TableView<AlertFiring> logTable;
    private final BorderPane node = new BorderPane();

    public AlertsView(AlertsModel model, List<Currency> currencies, MoneyFormat money) {
        this.model = requireNonNull(model, "model");
        rulesTable = rulesTable(model);
        logTable = logTable(model, money);
        node.setTop(form(currencies));
        SplitPane tables = new SplitPane(
                titled("Alerts watching", rulesTable), titled("Alert log: what fired, newest first", logTable));
        tables.setOrientation(Orientation.VERTICAL);
        tables.setDividerPositions(0.4);
        node.setCenter(tables);
        node.getStyleClass().add("alerts");
    }

    /** Returns the view over {@code model}; alerts check the watchlist's ticks, whichever view shows. */
    public static AlertsView create(AlertsModel model, List<Currency> currencies, MoneyFormat money) {
        return new AlertsView(model, currencies, money);
    }

    /**
     * Raises every firing of {@code model} in {@code notifications}, once per window as the alerts are, except
     * while {@code logShown}: the alert log then shows the firing itself, and a stack of notifications would
     * cover its newest rows.
     */
    public static void notify(
            AlertsModel model, MoneyFormat money, Notifications notifications, BooleanSupplier logShown) {
        model.lastFiredProperty().addListener((property, before, fired) -> {
            if (fired != null && !logShown.getAsBoolean()) {
                notifications.show(describe(fired, money));
            }
        });
    }

    /** A firing in one line, for the notification: "P00042 above USD 12.50: 12.51 at 10:42:07". */
    static String describe(AlertFiring fired, MoneyFormat money) {
        return "Alert: " + fired.rule().productId() + " " + fired.rule().condition() + " — now "
                + money.format(fired.price()) + " at " + time(fired.time());
    }

    @Override
    public String title() {
        return TITLE;
    }

    @Override
    public Node node() {
        return node;
    }

    /** Alerts check ticks in the watchlist's stream; the view itself runs nothing. */
    @Override
    public void activate() {}

    @Override
    public void deactivate() {}

    @Override
    public DesktopSettings remember(DesktopSettings settings) {
        return settings.withAlerts(List.copyOf(model.rules()));
    }

    /** Alerts › New alert (Ctrl+Shift+A), Remove selected, Clear log, Export log. */
    @Override
    public List<Menu> menus() {
        MenuItem add = new MenuItem("_New alert…");
        add.setAccelerator(new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        add.setOnAction(event -> product.requestFocus());
        MenuItem remove = new MenuItem("_Remove selected alerts  (Delete in the table)");
        remove.setOnAction(event -> removeSelected());
        MenuItem clear = new MenuItem("_Clear log");
        clear.setOnAction(event -> model.clearLog());
        MenuItem export = new MenuItem("_Export log as CSV…");
        export.setOnAction(event -> TableExport.ask(logTable, "alert-log"));
        Menu alerts = new Menu("_Alerts");
        alerts.getItems().setAll(add, remove, clear, export);
        return List.of(alerts);
    }

    /** The log's table, for export and tests. */
    public TableView<AlertFiring> logTable() {
        return logTable;
    }

    private void removeSelected() {
        model.remove(List.copyOf(rulesTable.getSelectionModel().getSelectedItems()));
    }

    private Node form(List<Currency> currencies) {
        product.setPromptText("P00042");
        product.setPrefColumnCount(7);
        product.setId("alert-product");
        ComboBox<AlertKind> kind = new ComboBox<>();
        kind.getItems().setAll(AlertKind.values());
        kind.setValue(AlertKind.ABOVE);
        kind.setId("alert-kind");
        kind.setConverter(converter(AlertKind::label));
        TextField level = new TextField();
        level.setPromptText("price, or % for a move");
        level.setPrefColumnCount(9);
        level.setId("alert-level");
        ComboBox<Currency> currency = new ComboBox<>();
        currency.getItems().setAll(currencies);
        currency.setValue(currencies.get(0));
        currency.setConverter(converter(Currency::getCurrencyCode));
        ComboBox<Duration> window = new ComboBox<>();
        window.getItems().setAll(WINDOWS);
        window.setValue(WINDOWS.get(1));
        window.setConverter(converter(AlertsView::windowLabel));
        window.disableProperty().bind(kind.valueProperty().isNotEqualTo(AlertKind.MOVE));
        CheckBox repeating = new CheckBox("_Repeating");
        repeating.setId("alert-repeating");
        Button add = new Button("_Add alert");
        add.setId("alert-add");
        add.setDefaultButton(true);
        add.getStyleClass().add(Styles.ACCENT);
        add.setOnAction(event -> {
            if (model.add(
                    product.getText(),
                    kind.getValue(),
                    level.getText(),
                    currency.getValue(),
                    window.getValue(),
                    repeating.isSelected())) {
                level.clear();
            }
        });
        Label notice = new Label();
        notice.textProperty().bind(model.noticeProperty());
        notice.getStyleClass().add(Styles.DANGER);
        Label productLabel = new Label("_Product");
        productLabel.setMnemonicParsing(true);
        productLabel.setLabelFor(product);
        Label levelLabel = new Label("_Level");
        levelLabel.setMnemonicParsing(true);
        levelLabel.setLabelFor(level);
        HBox line = new HBox(
                8,
                productLabel,
                product,
                kind,
                levelLabel,
                level,
                currency,
                new Label("within"),
                window,
                repeating,
                add);
        line.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(notice, Priority.ALWAYS);
        VBox box = new VBox(4, line, notice);
        box.setPadding(new Insets(8, 12, 8, 12));
        return box;
    }

    private TableView<AlertRule> rulesTable(AlertsModel model) {
        TableView<AlertRule> table = new TableView<>(model.rules());
        table.setId("alert-rules");
        table.getStyleClass().addAll(Styles.STRIPED, Styles.DENSE);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns()
                .setAll(List.of(
                        TableColumns.text("Product", 100, AlertRule::productId),
                        TableColumns.text("Condition", 360, AlertRule::condition),
                        TableColumns.text("Mode", 100, AlertRule::mode)));
        table.setPlaceholder(new Label("No alerts: add one above, for example P00001 above 10.00"));
        table.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.DELETE || event.getCode() == KeyCode.BACK_SPACE) {
                removeSelected();
                event.consume();
            }
        });
        TableExport.offer(table, "alerts");
        return table;
    }

    private static TableView<AlertFiring> logTable(AlertsModel model, MoneyFormat money) {
        TableView<AlertFiring> table = new TableView<>(model.log());
        table.setId("alert-log");
        table.getStyleClass().addAll(Styles.STRIPED, Styles.DENSE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        var price = TableColumns.numeric("Price", 120, AlertFiring::price, money::format);
        // The log keeps firings from before a change of the shown currency.
        price.setComparator(Amount.ACROSS_CURRENCIES);
        table.getColumns()
                .setAll(List.of(
                        TableColumns.numeric("Time", 200, AlertFiring::time, AlertsView::time),
                        TableColumns.text(
                                "Product", 100, firing -> firing.rule().productId()),
                        TableColumns.text("Alert", 360, firing -> firing.rule().condition()),
                        price,
                        TableColumns.text("Mode", 100, firing -> firing.rule().mode())));
        table.setPlaceholder(new Label("Nothing fired yet."));
        TableExport.offer(table, "alert-log");
        return table;
    }

    private static String time(Instant instant) {
        return TIME.format(LocalDateTime.ofInstant(instant, ZoneId.systemDefault()));
    }

    private static String windowLabel(Duration window) {
        return window.toHours() > 0
                ? window.toHours() + " h"
                : window.toMinutes() > 0 ? window.toMinutes() + " min" : window.toSeconds() + " s";
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                throw new UnsupportedOperationException("not editable");
            }
        };
    }

    private static VBox titled(String title, TableView<?> table) {
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.TITLE_4);
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(6, heading, table);
        box.setPadding(new Insets(8, 10, 8, 10));
        return box;
    }
}
