package io.tickscope.desktop.recommendations;

import io.tickscope.desktop.model.BookRow;
import io.tickscope.desktop.rpc.RecommendationClient;
import io.tickscope.desktop.shell.View;
import io.tickscope.desktop.ui.UiThread;
import java.util.concurrent.ScheduledExecutorService;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import org.jspecify.annotations.Nullable;

/**
 * Recommendations: the live session above; the streamed catalogue and the rating upload below. Actions go to
 * the book selected last, in the recommendations or in the catalogue.
 *
 * <p>The session keeps running while another tab shows, so that its stream can be watched on the wire.
 */
public final class RecommendationsView extends SplitPane implements View {

    private final ObjectProperty<@Nullable BookRow> target = new SimpleObjectProperty<>(this, "target");
    private final SessionViewModel session;
    private final BookBrowserViewModel browser;
    private final RatingUploadViewModel upload;

    public RecommendationsView(SessionViewModel session, BookBrowserViewModel browser, RatingUploadViewModel upload) {
        this.session = session;
        this.browser = browser;
        this.upload = upload;
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
     * Returns the view over {@code client}: answers reach the UI through {@code ui}; the chart's clock and the
     * autopilot run on {@code scheduler}.
     */
    public static RecommendationsView create(
            RecommendationClient client, UiThread ui, ScheduledExecutorService scheduler) {
        return new RecommendationsView(
                new SessionViewModel(client, ui, scheduler),
                new BookBrowserViewModel(client, ui),
                new RatingUploadViewModel(client, ui));
    }

    @Override
    public String title() {
        return "Recommendations";
    }

    @Override
    public Node node() {
        return this;
    }

    /** Nothing runs by itself: sessions, listings and uploads start on request. */
    @Override
    public void activate() {}

    /** Closes the open session politely, and stops the listing and the upload that run. */
    @Override
    public void deactivate() {
        session.close();
        browser.stop();
        upload.cancel();
    }
}
