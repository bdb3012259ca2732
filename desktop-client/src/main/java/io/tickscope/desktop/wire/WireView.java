package io.tickscope.desktop.wire;

import static java.util.Objects.requireNonNull;

import atlantafx.base.theme.Styles;
import io.tickscope.desktop.rpc.wire.MessageTypeStats;
import io.tickscope.desktop.rpc.wire.Traffic;
import io.tickscope.desktop.rpc.wire.WireMeter;
import io.tickscope.desktop.shell.TableExport;
import io.tickscope.desktop.shell.View;
import io.tickscope.desktop.ui.UiThread;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The wire: the calls in flight on the channel (each with the replica it went to, and for a stream its time to
 * the first message and its delivery lag), every method's totals and latency, and every message type's protobuf
 * size beside its JSON size. The tables keep the user's sort order across refreshes.
 */
public final class WireView extends BorderPane implements View {

    private final WireViewModel model;

    public WireView(WireViewModel model) {
        this.model = requireNonNull(model, "model");
        getStyleClass().add("wire");
        Label totals = new Label();
        totals.setId("wire-totals");
        totals.getStyleClass().add(Styles.TEXT_MUTED);
        totals.textProperty().bind(model.totalsProperty());
        totals.setPadding(new Insets(8, 10, 0, 10));
        setTop(totals);

        SplitPane tables = new SplitPane(
                titled("Calls in flight", callsTable(model.calls())),
                titled("Methods", methodsTable(model.methods())),
                titled("Message types: protobuf beside JSON", messageTypesTable(model.messageTypes())));
        tables.setOrientation(Orientation.VERTICAL);
        tables.setDividerPositions(0.34, 0.67);
        setCenter(tables);
    }

    /**
     * Returns the view: while active it refreshes from {@code meter} on {@code scheduler}, and shows results
     * through {@code ui}.
     */
    public static WireView create(WireMeter meter, UiThread ui, ScheduledExecutorService scheduler) {
        return new WireView(new WireViewModel(meter, ui, scheduler));
    }

    @Override
    public String title() {
        return "Wire";
    }

    @Override
    public Node node() {
        return this;
    }

    @Override
    public void activate() {
        model.activate();
    }

    @Override
    public void deactivate() {
        model.deactivate();
    }

    /** Refreshing costs a snapshot four times a second: only while the tab shows. */
    @Override
    public boolean runsWhileHidden() {
        return false;
    }

    private static TableView<CallRow> callsTable(ObservableList<CallRow> rows) {
        TableView<CallRow> table = sortedTable(rows);
        table.setId("wire-calls");
        table.getColumns()
                .setAll(List.of(
                        TableColumns.numeric("#", 40, row -> row.call().callId(), Object::toString),
                        TableColumns.text("Kind", 110, row -> row.call().kind().label()),
                        TableColumns.text("Method", 204, CallRow::method),
                        TableColumns.text("Replica", 126, row -> row.call().replica()),
                        messages(CallRow::call, CallRow::messagesPerSecond),
                        TableColumns.numeric(
                                "1st msg", 80, row -> row.call().firstMessageMicros(), WireView::firstMessage),
                        deliveryLag(CallRow::call),
                        bytes(CallRow::call),
                        TableColumns.numeric("Open", 55, row -> row.age().toSeconds(), seconds -> seconds + " s")));
        table.setPlaceholder(new Label("No calls in flight."));
        TableExport.offer(table, "wire-calls");
        return table;
    }

    private static TableView<MethodRow> methodsTable(ObservableList<MethodRow> rows) {
        TableView<MethodRow> table = sortedTable(rows);
        table.setId("wire-methods");
        // Calls still open are the table above; a method's row counts how many it ever started and how many failed.
        table.getColumns()
                .setAll(List.of(
                        TableColumns.text("Method", 194, MethodRow::method),
                        TableColumns.text("Kind", 106, row -> row.stats().kind().label()),
                        TableColumns.group(
                                "Calls",
                                TableColumns.numeric(
                                        "total", 56, row -> row.stats().callsStarted(), WireFormat::count),
                                TableColumns.numeric(
                                        "failed", 64, row -> row.stats().callsFailed(), WireFormat::count)),
                        messages(MethodRow::stats, MethodRow::messagesPerSecond),
                        TableColumns.group(
                                "Reply",
                                TableColumns.numeric(
                                        "p50", 72, row -> row.stats().latency().p50Micros(), WireView::lag),
                                TableColumns.numeric(
                                        "p99", 72, row -> row.stats().latency().p99Micros(), WireView::lag)),
                        TableColumns.group(
                                "1st msg",
                                TableColumns.numeric(
                                        "p50",
                                        84,
                                        row -> row.stats().firstMessage().p50Micros(),
                                        WireView::lag)),
                        deliveryLag(MethodRow::stats),
                        bytes(MethodRow::stats)));
        table.setPlaceholder(new Label("No calls yet."));
        TableExport.offer(table, "wire-methods");
        return table;
    }

    private static TableView<MessageTypeStats> messageTypesTable(ObservableList<MessageTypeStats> rows) {
        TableView<MessageTypeStats> table = sortedTable(rows);
        table.setId("wire-message-types");
        TableColumn<MessageTypeStats, Double> ratio = TableColumns.numeric(
                "JSON / protobuf",
                120,
                MessageTypeStats::jsonToProtobufRatio,
                // An empty message has no protobuf bytes to compare with.
                value -> value == 0 ? "n/a" : String.format(Locale.ROOT, "%.2fx", value));
        table.getColumns()
                .setAll(List.of(
                        TableColumns.text("Message type", 330, MessageTypeStats::typeName),
                        TableColumns.numeric("Messages", MessageTypeStats::messages, WireFormat::count),
                        TableColumns.numeric("Protobuf total", 120, MessageTypeStats::protobufBytes, WireFormat::bytes),
                        TableColumns.numeric("Sampled", 80, MessageTypeStats::sampledMessages, WireFormat::count),
                        TableColumns.numeric(
                                "Protobuf mean", 125, MessageTypeStats::meanProtobufBytes, WireView::meanBytes),
                        TableColumns.numeric("JSON mean", 100, MessageTypeStats::meanJsonBytes, WireView::meanBytes),
                        ratio));
        table.setPlaceholder(new Label("No messages yet."));
        TableExport.offer(table, "wire-message-types");
        return table;
    }

    /** The messages a row's {@code traffic} sent and received, and how many a second went either way. */
    private static <R> TableColumn<R, Void> messages(
            Function<R, Traffic> traffic, Function<R, Double> messagesPerSecond) {
        return TableColumns.group(
                "Messages",
                TableColumns.numeric("out", 55, row -> traffic.apply(row).messagesOut(), WireFormat::count),
                TableColumns.numeric("in", 62, row -> traffic.apply(row).messagesIn(), WireFormat::count),
                TableColumns.numeric("rate", 55, messagesPerSecond, WireFormat::perSecond));
    }

    /** The delivery lag of a row's {@code traffic}: p50, p99 and a histogram in bars. */
    private static <R> TableColumn<R, Void> deliveryLag(Function<R, Traffic> traffic) {
        return TableColumns.group(
                "Delivery lag",
                TableColumns.numeric(
                        "p50", 72, row -> traffic.apply(row).deliveryLag().p50Micros(), WireView::lag),
                TableColumns.numeric(
                        "p99", 72, row -> traffic.apply(row).deliveryLag().p99Micros(), WireView::lag),
                TableColumns.text(
                        "histogram",
                        128,
                        row -> LagHistogram.bars(traffic.apply(row).deliveryLagHistogram())));
    }

    /** The bytes a row's {@code traffic} sent and received. */
    private static <R> TableColumn<R, Void> bytes(Function<R, Traffic> traffic) {
        return TableColumns.group(
                "Bytes",
                TableColumns.numeric("out", 74, row -> traffic.apply(row).bytesOut(), WireFormat::bytes),
                TableColumns.numeric("in", 80, row -> traffic.apply(row).bytesIn(), WireFormat::bytes));
    }

    /** Returns a table over {@code rows} that stays sorted as the user chose while the rows are replaced. */
    private static <R> TableView<R> sortedTable(ObservableList<R> rows) {
        SortedList<R> sorted = new SortedList<>(rows);
        TableView<R> table = new TableView<>(sorted);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.getStyleClass().addAll(Styles.STRIPED, Styles.DENSE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    private static VBox titled(String title, TableView<?> table) {
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.TITLE_4);
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(6, heading, table);
        box.setPadding(new Insets(8, 10, 8, 10));
        return box;
    }

    /** A time that is empty while nothing was measured. */
    private static String lag(long micros) {
        return micros == 0 ? "" : WireFormat.micros(micros);
    }

    private static String firstMessage(long micros) {
        return micros < 0 ? "" : WireFormat.micros(micros);
    }

    private static String meanBytes(double bytes) {
        return String.format(Locale.ROOT, "%.1f B", bytes);
    }
}
