package io.tickscope.desktop.recommendations;

import atlantafx.base.theme.Styles;
import io.tickscope.desktop.model.BookRow;
import io.tickscope.desktop.model.Category;
import io.tickscope.desktop.wire.TableColumns;
import io.tickscope.desktop.wire.WireFormat;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jspecify.annotations.Nullable;

/** The catalogue, streamed by ListBooks: rows appear as they arrive; the selected book is a target for actions. */
final class BookBrowserPane extends VBox {

    BookBrowserPane(BookBrowserViewModel model, SessionViewModel session, ObjectProperty<@Nullable BookRow> target) {
        super(6);
        ComboBox<Category> category = new ComboBox<>();
        category.getItems().setAll(Category.values());
        category.valueProperty().bindBidirectional(model.categoryProperty());
        Button list = new Button("List books");
        list.setId("books-list");
        list.setOnAction(event -> model.list());
        Button stop = new Button("Stop");
        stop.setOnAction(event -> model.stop());
        stop.disableProperty().bind(model.listingProperty().not());
        Label status = new Label();
        status.setId("books-status");
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.textProperty().bind(model.statusProperty());
        HBox controls = new HBox(8, category, list, stop, status);
        controls.setAlignment(Pos.CENTER_LEFT);

        TableView<BookRow> table = new TableView<>(model.books());
        table.setId("books-table");
        table.getStyleClass().addAll(Styles.STRIPED, Styles.DENSE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns()
                .setAll(List.of(
                        TableColumns.text("Book", BookRow::bookId),
                        TableColumns.text("Title", 240, BookRow::title),
                        TableColumns.text("Author", BookRow::author),
                        TableColumns.text("Category", book -> book.category().toString()),
                        TableColumns.numeric(
                                "Rating", BookRow::averageRating, rating -> String.format(Locale.ROOT, "%.2f", rating)),
                        TableColumns.numeric("Ratings", BookRow::ratingCount, WireFormat::count)));
        table.setPlaceholder(new Label("List books to stream the catalogue."));
        table.getSelectionModel().selectedItemProperty().addListener((property, before, selected) -> {
            if (selected != null) {
                target.set(selected);
            }
        });
        ActionKeys.install(table, () -> table.getSelectionModel().getSelectedItem(), session);
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(SessionPane.heading("Browse books"), controls, table);
    }
}
