package io.tickscope.desktop.batch;

import atlantafx.base.theme.Styles;
import io.tickscope.desktop.model.PriceLookup;
import io.tickscope.desktop.model.Quote;
import io.tickscope.desktop.model.QuoteResult;
import io.tickscope.desktop.model.Segment;
import io.tickscope.desktop.rpc.PricingClient;
import io.tickscope.desktop.shell.TableExport;
import io.tickscope.desktop.shell.View;
import io.tickscope.desktop.ui.UiThread;
import io.tickscope.desktop.wire.TableColumns;
import io.tickscope.desktop.wire.WireFormat;
import io.tickscope.shared.money.Amount;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jspecify.annotations.Nullable;

/**
 * The batch lookup: the products, segment and currency on the left; the timings of the three ways and the
 * batch call's results on the right. Ctrl+Enter in the id field looks up the pasted ids.
 */
public final class BatchLookupView extends BorderPane implements View {

    private static final DateTimeFormatter SALE_END =
            DateTimeFormatter.ofPattern("MMM d, HH:mm", Locale.ROOT).withZone(ZoneId.systemDefault());

    /** Kept here: a bidirectional binding holds its ends weakly. */
    private final ObjectProperty<Integer> firstCount;

    public BatchLookupView(BatchLookupViewModel model) {
        getStyleClass().add("batch-lookup");
        firstCount = model.firstCountProperty().asObject();
        setLeft(controls(model));
        VBox tables = new VBox(8, timingsTable(model), resultsTable(model));
        VBox.setVgrow(tables.getChildren().get(1), Priority.ALWAYS);
        tables.setPadding(new Insets(10));
        setCenter(tables);
    }

    /** Returns the view over {@code client}; results reach the UI through {@code ui}. */
    public static BatchLookupView create(PricingClient client, UiThread ui) {
        return new BatchLookupView(new BatchLookupViewModel(client, ui));
    }

    @Override
    public String title() {
        return "Batch lookup";
    }

    @Override
    public Node node() {
        return this;
    }

    /** Nothing runs by itself: lookups start on request. */
    @Override
    public void activate() {}

    /**
     * Nothing to stop: a lookup's calls are short and carry a deadline, and the channel's orderly shutdown lets
     * them finish.
     */
    @Override
    public void deactivate() {}

    private VBox controls(BatchLookupViewModel model) {
        TextArea pasted = new TextArea();
        pasted.setId("batch-pasted-ids");
        pasted.setPromptText("P00001 P00002 P00003 ...");
        pasted.setPrefRowCount(6);
        pasted.setWrapText(true);
        pasted.textProperty().bindBidirectional(model.pastedIdsProperty());
        Button lookUpPasted = button("Look up pasted ids", model::lookUpPasted, model);
        lookUpPasted.setId("batch-look-up-pasted");
        pasted.setOnKeyPressed(key -> {
            if (key.getCode() == KeyCode.ENTER && key.isShortcutDown()) {
                model.lookUpPasted();
                key.consume();
            }
        });

        Spinner<Integer> first = new Spinner<>(
                1, PriceLookup.MAX_PRODUCTS, model.firstCountProperty().get());
        first.setId("batch-first-count");
        first.setEditable(true);
        first.setPrefWidth(100);
        first.getValueFactory().valueProperty().bindBidirectional(firstCount);
        Button lookUpFirst = button("Look up first N", model::lookUpFirst, model);
        lookUpFirst.setId("batch-look-up-first");
        lookUpFirst.setDefaultButton(true);
        lookUpFirst.getStyleClass().add(Styles.ACCENT);

        ComboBox<Segment> segment = new ComboBox<>();
        segment.getItems().setAll(Segment.values());
        segment.valueProperty().bindBidirectional(model.segmentProperty());
        ComboBox<String> currency = new ComboBox<>();
        currency.getItems().setAll(BatchLookupViewModel.CURRENCIES);
        currency.setEditable(true);
        currency.valueProperty().bindBidirectional(model.currencyCodeProperty());

        Label message = new Label();
        message.setId("batch-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.getStyleClass().add(Styles.TEXT_MUTED);

        VBox controls = new VBox(
                8,
                heading("Products"),
                pasted,
                lookUpPasted,
                new Separator(),
                new HBox(8, new Label("First"), first, new Label("of the catalogue")),
                lookUpFirst,
                new Separator(),
                heading("Quote for"),
                labelled("Segment", segment),
                labelled("Currency", currency),
                new Separator(),
                message);
        controls.setPadding(new Insets(10));
        controls.setPrefWidth(300);
        return controls;
    }

    private static TableView<LookupTiming> timingsTable(BatchLookupViewModel model) {
        TableView<LookupTiming> table = new TableView<>(model.timings());
        table.setId("batch-timings");
        table.getStyleClass().addAll(Styles.DENSE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns()
                .setAll(List.of(
                        TableColumns.text("Way", 240, LookupTiming::way),
                        TableColumns.numeric("Calls", 60, LookupTiming::calls, Objects::toString),
                        TableColumns.numeric("Failed", 64, LookupTiming::failedCalls, Objects::toString),
                        TableColumns.numeric("Wall time", 100, LookupTiming::wallTime, WireFormat::millis),
                        TableColumns.numeric("Message bytes", 120, LookupTiming::bytes, WireFormat::bytes),
                        TableColumns.numeric(
                                "Time vs batch", 120, LookupTiming::timesBatchWallTime, BatchLookupView::times),
                        TableColumns.numeric(
                                "Bytes vs batch", 125, LookupTiming::timesBatchBytes, BatchLookupView::times)));
        table.setPlaceholder(new Label("Look up some products to compare one batch call with N calls."));
        table.setTooltip(new Tooltip("Message bytes are the protobuf messages with gRPC's 5-byte prefix;"
                + " each call also sends HTTP/2 headers, which are not counted."));
        table.setFixedCellSize(28);
        table.setPrefHeight(28 * 4 + 32);
        table.setMinHeight(28 * 4 + 32);
        TableExport.offer(table, "batch-timings");
        return table;
    }

    private static TableView<QuoteResult> resultsTable(BatchLookupViewModel model) {
        TableView<QuoteResult> table = new TableView<>(model.results());
        table.setId("batch-results");
        table.getStyleClass().addAll(Styles.STRIPED, Styles.DENSE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns()
                .setAll(List.of(
                        TableColumns.text("Product", 84, QuoteResult::productId),
                        TableColumns.text(
                                "Name", 230, row -> Objects.requireNonNullElse(quoted(row, Quote::productName), "")),
                        TableColumns.numeric("List price", 110, row -> quoted(row, Quote::basePrice), Amount::toString),
                        TableColumns.numeric(
                                "Segment price", 130, row -> quoted(row, Quote::segmentPrice), Amount::toString),
                        TableColumns.text(
                                "Sale", 84, row -> Boolean.TRUE.equals(quoted(row, Quote::onSale)) ? "on sale" : ""),
                        TableColumns.text("Sale ends", 130, row -> saleEnd(quoted(row, Quote::saleEndTime))),
                        TableColumns.text("Error", 120, row -> Objects.requireNonNullElse(row.error(), ""))));
        table.setPlaceholder(new Label("No results yet."));
        TableExport.offer(table, "batch-results");
        return table;
    }

    private static Button button(String text, Runnable action, BatchLookupViewModel model) {
        Button button = new Button(text);
        button.setMaxWidth(Double.MAX_VALUE);
        button.setOnAction(event -> action.run());
        button.disableProperty().bind(model.runningProperty());
        return button;
    }

    private static Label heading(String text) {
        Label heading = new Label(text);
        heading.getStyleClass().add(Styles.TITLE_4);
        return heading;
    }

    private static HBox labelled(String text, ComboBox<?> box) {
        Label label = new Label(text);
        label.setMinWidth(80);
        box.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(box, Priority.ALWAYS);
        return new HBox(8, label, box);
    }

    /** Returns {@code part} of the row's quote, or null for a product without one. */
    private static <T> @Nullable T quoted(QuoteResult row, Function<Quote, @Nullable T> part) {
        Quote quote = row.quote();
        return quote == null ? null : part.apply(quote);
    }

    private static String saleEnd(@Nullable Instant end) {
        return end == null ? "" : SALE_END.format(end);
    }

    private static String times(double multiple) {
        return String.format(Locale.ROOT, "%.1fx", multiple);
    }
}
