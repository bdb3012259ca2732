package io.tickscope.desktop.recommendations;

import io.tickscope.desktop.rpc.BookRow;
import io.tickscope.desktop.rpc.RecommendationClient;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import org.jspecify.annotations.Nullable;

/**
 * Recommendations: the live session above; the streamed catalogue and the rating upload below. Actions go to
 * the book selected last, in the recommendations or in the catalogue.
 *
 * <p>The session keeps running while another tab shows, so that its stream can be watched on the wire.
 */
public final class RecommendationsView extends SplitPane {

    private final ObjectProperty<@Nullable BookRow> target = new SimpleObjectProperty<>(this, "target");

    public RecommendationsView(SessionViewModel session, BookBrowserViewModel browser, RatingUploadViewModel upload) {
        getStyleClass().add("recommendations");
        SplitPane below = new SplitPane(new BookBrowserPane(browser, session, target), new RatingUploadPane(upload));
        below.setDividerPositions(0.6);
        SessionPane above = new SessionPane(session, target);
        above.setPadding(new Insets(10, 10, 6, 10));
        below.setPadding(new Insets(6, 10, 10, 10));
        getItems().setAll(above, below);
        setOrientation(Orientation.VERTICAL);
        setDividerPositions(0.62);
    }

    /**
     * Returns the view's tab over {@code client}: answers reach the UI through {@code uiExecutor}; the chart's
     * clock and the autopilot run on {@code scheduler}.
     */
    public static Tab tab(RecommendationClient client, Executor uiExecutor, ScheduledExecutorService scheduler) {
        return new Tab(
                "Recommendations",
                new RecommendationsView(
                        new SessionViewModel(client, uiExecutor, scheduler),
                        new BookBrowserViewModel(client, uiExecutor),
                        new RatingUploadViewModel(client, uiExecutor)));
    }
}
