package io.tickscope.desktop.watchlist;

import io.tickscope.desktop.ui.MoneyFormat;
import io.tickscope.shared.money.Amount;
import java.util.Comparator;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.jspecify.annotations.Nullable;

/** Builds the watchlist's table: typed columns fed by the row models' properties, sortable on each. */
final class WatchlistTable {

    private static final Comparator<@Nullable Amount> BY_AMOUNT =
            Comparator.nullsFirst(Comparator.comparingLong(Amount::minorUnits));

    private WatchlistTable() {}

    static TableView<WatchlistRowModel> create(WatchlistViewModel model, MoneyFormat money) {
        TableView<WatchlistRowModel> table = new TableView<>();
        SortedList<WatchlistRowModel> sorted = new SortedList<>(model.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setId("watchlist-table");
        table.setRowFactory(view -> new WatchlistTableRow());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        // Every column but the product name keeps the width its header and values need; the name takes the rest.
        // Together they fit the default window (1280 px) beside the product list.
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPlaceholder(new Label("Nothing watched yet: pick products on the left and press Enter"));

        // The direction of the last move as a shape, not only a colour: readable without telling red from green.
        TableColumn<WatchlistRowModel, Flash> move = column("Move", WatchlistRowModel::flashProperty, 66);
        move.setCellFactory(WatchlistCells::move);
        move.setSortable(false);
        TableColumn<WatchlistRowModel, Boolean> alert = column("Alert", WatchlistRowModel::alertedProperty, 62);
        alert.setCellFactory(WatchlistCells::alertMark);

        TableColumn<WatchlistRowModel, String> id = column("ID", row -> new ReadOnlyStringWrapper(row.productId()), 70);
        id.getStyleClass().add(WatchlistStyles.ID_CELL);
        TableColumn<WatchlistRowModel, String> name = column("Product", WatchlistRowModel::nameProperty, 240);
        name.setMinWidth(120);

        TableColumn<WatchlistRowModel, @Nullable Amount> price = column("Price", WatchlistRowModel::priceProperty, 92);
        price.setCellFactory(WatchlistCells.price(money));
        price.setComparator(BY_AMOUNT);

        TableColumn<WatchlistRowModel, @Nullable Amount> change =
                column("Change", WatchlistRowModel::changeProperty, 88);
        change.setCellFactory(WatchlistCells.signedAmount(money));
        change.setComparator(BY_AMOUNT);

        TableColumn<WatchlistRowModel, @Nullable Double> percent =
                column("Change %", WatchlistRowModel::changePercentProperty, 106);
        percent.setCellFactory(WatchlistCells.percent(money));
        percent.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));

        TableColumn<WatchlistRowModel, @Nullable Amount> segmentPrice =
                column("Segment price", WatchlistRowModel::segmentPriceProperty, 142);
        segmentPrice.setCellFactory(WatchlistCells.price(money));
        segmentPrice.setComparator(BY_AMOUNT);
        segmentPrice
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.segmentProperty().get().label() + " price", model.segmentProperty()));

        TableColumn<WatchlistRowModel, Number> sale = column("Sale", WatchlistRowModel::saleSecondsLeftProperty, 116);
        sale.setCellFactory(WatchlistCells::sale);
        // Running sales first, soonest end first.
        sale.setComparator(Comparator.comparingLong(
                secondsLeft -> secondsLeft.longValue() < 0 ? Long.MAX_VALUE : secondsLeft.longValue()));

        TableColumn<WatchlistRowModel, Number> trend = column("Trend", WatchlistRowModel::historyVersionProperty, 100);
        trend.setCellFactory(column -> new SparklineCell());
        trend.setSortable(false);

        TableColumn<WatchlistRowModel, Number> updated = column("Updated", WatchlistRowModel::ageSecondsProperty, 84);
        updated.setCellFactory(WatchlistCells::age);
        updated.setComparator(Comparator.comparingLong(Number::longValue));

        table.getColumns()
                .setAll(java.util.List.of(
                        alert, id, name, move, price, change, percent, segmentPrice, sale, trend, updated));
        return table;
    }

    private static <T> TableColumn<WatchlistRowModel, T> column(
            String title, Function<WatchlistRowModel, ObservableValue<T>> value, double width) {
        TableColumn<WatchlistRowModel, T> column = new TableColumn<>(title);
        column.setCellValueFactory(features -> value.apply(features.getValue()));
        column.setPrefWidth(width);
        column.setMinWidth(width);
        return column;
    }
}
