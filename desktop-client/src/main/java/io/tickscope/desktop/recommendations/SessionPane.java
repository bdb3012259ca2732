package io.tickscope.desktop.recommendations;

import atlantafx.base.theme.Styles;
import io.tickscope.desktop.model.ActionType;
import io.tickscope.desktop.model.BookRow;
import io.tickscope.desktop.model.Category;
import io.tickscope.desktop.model.RecommendedBook;
import io.tickscope.desktop.wire.TableColumns;
import java.util.List;
import java.util.Locale;
import java.util.function.IntSupplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jspecify.annotations.Nullable;

/**
 * The live session: user and category, open and close, the autopilot's rate; the recommendations with the
 * actions on the selected book; and the session's chart.
 */
final class SessionPane extends BorderPane {

    SessionPane(SessionViewModel model, ObjectProperty<@Nullable BookRow> target) {
        setTop(toolbar(model));
        TableView<RecommendedBook> table = recommendationsTable(model);
        table.getSelectionModel().selectedItemProperty().addListener((property, before, selected) -> {
            if (selected != null) {
                target.set(selected.book());
            }
        });
        ActionKeys.install(
                table,
                () -> {
                    RecommendedBook selected = table.getSelectionModel().getSelectedItem();
                    return selected == null ? null : selected.book();
                },
                model);
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox left = new VBox(6, heading("Recommendations"), table, actionBar(model, target));
        left.setPadding(new Insets(0, 6, 0, 0));
        SplitPane split = new SplitPane(left, new SessionCharts(model.timeline()));
        split.setDividerPositions(0.58);
        setCenter(split);
    }

    private static FlowPane toolbar(SessionViewModel model) {
        TextField user = new TextField();
        user.setId("session-user");
        user.setPrefColumnCount(6);
        user.textProperty().bindBidirectional(model.userIdProperty());
        user.setOnAction(event -> model.open());
        ComboBox<Category> category = new ComboBox<>();
        category.getItems().setAll(Category.values());
        category.valueProperty().bindBidirectional(model.categoryProperty());
        Button open = new Button("Open session");
        open.setId("session-open");
        open.getStyleClass().add(Styles.ACCENT);
        open.setOnAction(event -> model.open());
        Button close = new Button("Close");
        close.setId("session-close");
        close.setOnAction(event -> model.close());
        close.disableProperty().bind(model.openProperty().not());

        Slider rate = new Slider(0, SessionViewModel.MAX_AUTOPILOT_RATE, 0);
        rate.setId("session-autopilot");
        rate.setMajorTickUnit(10);
        rate.setMinorTickCount(9);
        rate.setSnapToTicks(true);
        rate.setBlockIncrement(1);
        rate.setPrefWidth(160);
        rate.valueProperty().bindBidirectional(model.autopilotRateProperty());
        Label rateLabel = new Label();
        rateLabel
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.autopilotRateProperty().get() == 0
                                ? "off"
                                : model.autopilotRateProperty().get() + " actions/s",
                        model.autopilotRateProperty()));
        rateLabel.setMinWidth(90);

        Label status = new Label();
        status.setId("session-status");
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.textProperty().bind(model.statusProperty());
        model.reopeningProperty().addListener((property, before, reopening) -> {
            status.getStyleClass().remove(reopening ? Styles.TEXT_MUTED : Styles.WARNING);
            status.getStyleClass().add(reopening ? Styles.WARNING : Styles.TEXT_MUTED);
        });

        FlowPane toolbar = new FlowPane(
                8,
                6,
                new Label("User"),
                user,
                new Label("Category"),
                category,
                open,
                close,
                new Separator(Orientation.VERTICAL),
                new Label("Autopilot"),
                rate,
                rateLabel,
                status);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.setPadding(new Insets(0, 0, 8, 0));
        return toolbar;
    }

    private static TableView<RecommendedBook> recommendationsTable(SessionViewModel model) {
        TableView<RecommendedBook> table = new TableView<>(model.recommendations());
        table.setId("session-recommendations");
        table.getStyleClass().addAll(Styles.STRIPED, Styles.DENSE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns()
                .setAll(List.of(
                        TableColumns.numeric("#", 36, RecommendedBook::rank, Object::toString),
                        TableColumns.text("Book", 64, row -> row.book().bookId()),
                        TableColumns.text("Title", 170, row -> row.book().title()),
                        TableColumns.text("Author", 105, row -> row.book().author()),
                        TableColumns.text(
                                "Category", 95, row -> row.book().category().toString()),
                        TableColumns.numeric(
                                "Score",
                                60,
                                RecommendedBook::score,
                                score -> String.format(Locale.ROOT, "%.3f", score)),
                        TableColumns.text("Why", 170, RecommendedBook::reason)));
        table.setPlaceholder(new Label("Open a session to see recommendations arrive."));
        return table;
    }

    private static VBox actionBar(SessionViewModel model, ObjectProperty<@Nullable BookRow> target) {
        Label on = new Label();
        on.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> target.get() == null
                                ? "Select a book"
                                : target.get().bookId() + " " + target.get().title(),
                        target));
        // The buttons keep their words; the book's title gives way, ending in an ellipsis.
        on.setMinWidth(0);
        HBox.setHgrow(on, Priority.ALWAYS);
        ChoiceBox<Integer> stars = new ChoiceBox<>();
        stars.getItems().setAll(1, 2, 3, 4, 5);
        stars.setValue(4);
        stars.setMinWidth(Region.USE_PREF_SIZE);
        HBox buttons = new HBox(
                6,
                action("View", ActionType.VIEWED, () -> 0, model, target),
                action("Like", ActionType.LIKED, () -> 0, model, target),
                action("Rate", ActionType.RATED, stars::getValue, model, target),
                stars,
                action("Add to cart", ActionType.ADDED_TO_CART, () -> 0, model, target),
                action("Dismiss", ActionType.DISMISSED, () -> 0, model, target));
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label counters = new Label();
        counters.setId("session-counters");
        counters.getStyleClass().add(Styles.TEXT_MUTED);
        counters.textProperty()
                .bind(Bindings.format(
                        "%d actions sent, %d applied by the server, %d updates received.",
                        model.actionsSentProperty(), model.actionsAppliedProperty(), model.updatesReceivedProperty()));
        Label keys = new Label(ActionKeys.HINT);
        keys.getStyleClass().add(Styles.TEXT_MUTED);
        HBox line = new HBox(8, buttons, on);
        line.setAlignment(Pos.CENTER_LEFT);
        return new VBox(4, line, counters, keys);
    }

    private static Button action(
            String text,
            ActionType type,
            IntSupplier stars,
            SessionViewModel model,
            ObjectProperty<@Nullable BookRow> target) {
        Button button = new Button(text);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setId("session-" + type.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        button.disableProperty().bind(model.openProperty().not().or(target.isNull()));
        button.setOnAction(event -> model.act(target.get().bookId(), type, stars.getAsInt()));
        return button;
    }

    static Label heading(String text) {
        Label heading = new Label(text);
        heading.getStyleClass().add(Styles.TITLE_4);
        return heading;
    }
}
