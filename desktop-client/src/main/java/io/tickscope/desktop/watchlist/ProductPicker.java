package io.tickscope.desktop.watchlist;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jspecify.annotations.Nullable;

/**
 * The sidebar that finds products to watch: a search by id or name over the catalogue, its matches, and a
 * button. Enter in the search adds the best match (or the id typed); Enter or a double click in the list adds
 * the selected products; the down arrow moves from the search to the list.
 */
final class ProductPicker {

    private final WatchlistViewModel model;
    private final TextField query = new TextField();
    private final ListView<ProductMatch> matches = new ListView<>();
    private final VBox node;

    ProductPicker(WatchlistViewModel model) {
        this.model = model;
        query.setPromptText("Find by id or name");
        query.setId("product-search");
        query.textProperty().addListener((observable, before, after) -> model.search(after));
        query.setOnAction(event -> model.add(query.getText()));
        query.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.DOWN && !matches.getItems().isEmpty()) {
                matches.requestFocus();
                matches.getSelectionModel().selectFirst();
                event.consume();
            }
        });

        ObservableList<ProductMatch> items = FXCollections.observableArrayList();
        matches.setItems(items);
        model.suggestionsProperty().addListener((observable, before, after) -> items.setAll(after));
        matches.setId("product-matches");
        matches.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        matches.setCellFactory(list -> new MatchCell());
        matches.getStyleClass().add(Styles.DENSE);
        matches.setPlaceholder(new Label("Loading the catalogue…"));
        matches.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                addSelected();
                event.consume();
            }
        });
        matches.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
                addSelected();
            }
        });
        VBox.setVgrow(matches, Priority.ALWAYS);

        Button add = new Button("Add to watchlist");
        add.getStyleClass().add(Styles.ACCENT);
        add.setMaxWidth(Double.MAX_VALUE);
        add.disableProperty()
                .bind(matches.getSelectionModel().selectedItemProperty().isNull());
        add.setOnAction(event -> addSelected());

        Label notice = new Label();
        notice.textProperty().bind(model.noticeProperty());
        notice.visibleProperty().bind(model.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        notice.setWrapText(true);
        notice.getStyleClass().add(WatchlistStyles.NOTICE);

        Label heading = new Label("Products");
        heading.getStyleClass().add(Styles.TITLE_4);
        node = new VBox(8, heading, query, matches, notice, add);
        node.getStyleClass().add(WatchlistStyles.SIDEBAR);
    }

    Node node() {
        return node;
    }

    void focusSearch() {
        query.requestFocus();
        query.selectAll();
    }

    private void addSelected() {
        List<String> ids = matches.getSelectionModel().getSelectedItems().stream()
                .map(ProductMatch::productId)
                .toList();
        model.addAll(ids);
    }

    /** One match: its id, muted and fixed-width, then its name. */
    private static final class MatchCell extends ListCell<ProductMatch> {
        private final Label id = new Label();
        private final Label name = new Label();
        private final HBox graphic = new HBox(8, id, name);

        MatchCell() {
            id.getStyleClass().add(WatchlistStyles.MATCH_ID);
            id.setMinWidth(Region.USE_PREF_SIZE);
            name.setMinWidth(0);
            // A cell that asks for no width fits the list, which then never scrolls sideways; long names end in "…".
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(@Nullable ProductMatch match, boolean empty) {
            super.updateItem(match, empty);
            if (empty || match == null) {
                setGraphic(null);
                return;
            }
            id.setText(match.productId());
            name.setText(match.name());
            setGraphic(graphic);
        }
    }
}
