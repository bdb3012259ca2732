package io.tickscope.desktop.wire;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import org.jspecify.annotations.Nullable;

/** Typed table columns fed by lambdas over row records: they sort by value and show it formatted. */
public final class TableColumns {

    /** Style class of columns whose cells hold numbers: right-aligned, so that digits line up. */
    public static final String NUMERIC = "numeric";

    private TableColumns() {}

    /**
     * Returns a column showing {@code value} of each row as text, whole in the cell's tooltip when the column is
     * too narrow for it.
     */
    public static <R> TableColumn<R, String> text(String title, Function<R, String> value) {
        TableColumn<R, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setCellFactory(unused -> new WholeTextCell<>());
        return column;
    }

    /** Returns a text column that starts {@code width} pixels wide, for names that do not fit the default. */
    public static <R> TableColumn<R, String> text(String title, double width, Function<R, String> value) {
        TableColumn<R, String> column = text(title, value);
        column.setPrefWidth(width);
        return column;
    }

    /** Returns a right-aligned column that sorts by {@code value} and shows it through {@code format}. */
    public static <R, V extends Comparable<V>> TableColumn<R, V> numeric(
            String title, Function<R, V> value, Function<V, String> format) {
        TableColumn<R, V> column = new TableColumn<>(title);
        column.getStyleClass().add(NUMERIC);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setCellFactory(unused -> new TableCell<>() {
            @Override
            protected void updateItem(@Nullable V item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
            }
        });
        return column;
    }

    /** Returns a numeric column that starts {@code width} pixels wide, for values longer than a count. */
    public static <R, V extends Comparable<V>> TableColumn<R, V> numeric(
            String title, double width, Function<R, V> value, Function<V, String> format) {
        TableColumn<R, V> column = numeric(title, value, format);
        column.setPrefWidth(width);
        return column;
    }

    /**
     * Returns a column headed {@code title} over {@code columns}, so that related columns share a header and
     * theirs can be short ("Delivery lag" over "p50", "p99"); an export names each by both headers.
     */
    @SafeVarargs
    public static <R> TableColumn<R, Void> group(String title, TableColumn<R, ?>... columns) {
        TableColumn<R, Void> group = new TableColumn<>(title);
        // One by one: handing the varargs array itself on is what javac warns of as heap pollution.
        for (TableColumn<R, ?> column : columns) {
            group.getColumns().add(column);
        }
        return group;
    }

    /** A text cell with its whole text as its tooltip: one tooltip per cell, its text replaced as rows change. */
    private static final class WholeTextCell<R> extends TableCell<R, String> {

        private final Tooltip whole = new Tooltip();

        @Override
        protected void updateItem(@Nullable String item, boolean empty) {
            super.updateItem(item, empty);
            String text = empty ? null : item;
            setText(text);
            if (text == null || text.isEmpty()) {
                setTooltip(null);
            } else {
                whole.setText(text);
                setTooltip(whole);
            }
        }
    }
}
