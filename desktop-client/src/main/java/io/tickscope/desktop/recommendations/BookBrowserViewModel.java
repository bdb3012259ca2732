package io.tickscope.desktop.recommendations;

import static java.util.Objects.requireNonNull;

import io.tickscope.desktop.model.BookRow;
import io.tickscope.desktop.model.Category;
import io.tickscope.desktop.rpc.CallHandle;
import io.tickscope.desktop.rpc.RecommendationClient;
import io.tickscope.desktop.rpc.StreamListener;
import io.tickscope.desktop.ui.UiThread;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * Browses the catalogue through the streamed ListBooks: rows appear as they arrive, in batches of whatever
 * came since the UI thread's last turn.
 *
 * <p>Call it on the UI thread; books reach it through the injected {@link UiThread}.
 */
public final class BookBrowserViewModel {

    private final RecommendationClient client;
    private final Runnable refresh;

    private final ObjectProperty<Category> category = new SimpleObjectProperty<>(this, "category", Category.ALL);
    private final ObservableList<BookRow> books = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper listing = new ReadOnlyBooleanWrapper(this, "listing");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    // Touched on the UI thread.
    private @Nullable Listing current;

    public BookBrowserViewModel(RecommendationClient client, UiThread ui) {
        this.client = requireNonNull(client, "client");
        this.refresh = requireNonNull(ui, "ui").refresher(this::refreshUi);
    }

    /** Lists {@link #categoryProperty()} afresh, stopping a listing still running. */
    public void list() {
        stop();
        books.clear();
        Listing started = new Listing();
        current = started;
        listing.set(true);
        status.set("Listing " + category.get() + "...");
        started.handle = client.listBooks(category.get(), started);
    }

    /** Stops the running listing, if any; the books so far stay. */
    public void stop() {
        Listing running = current;
        if (running != null && running.handle != null) {
            running.handle.cancel();
        }
    }

    private void refreshUi() {
        Listing running = current;
        if (running == null) {
            return;
        }
        // Read before draining: every book the stream sent before it ended is in the queue by then.
        String ending = running.ending.get();
        List<BookRow> arrived = new ArrayList<>();
        for (BookRow book = running.arrived.poll(); book != null; book = running.arrived.poll()) {
            arrived.add(book);
        }
        books.addAll(arrived);
        if (ending == null) {
            status.set(books.size() + " books so far...");
        } else {
            current = null;
            listing.set(false);
            status.set(ending.isEmpty() ? books.size() + " books." : books.size() + " books, then " + ending);
        }
    }

    /** One ListBooks call: what it sent since the UI's last turn, and how it ended. */
    private final class Listing implements StreamListener<BookRow> {

        final Queue<BookRow> arrived = new ConcurrentLinkedQueue<>();
        /** Empty once the listing completed, the failure once it failed, null while it runs. */
        final AtomicReference<@Nullable String> ending = new AtomicReference<>();

        @Nullable
        CallHandle handle;

        @Override
        public void onItem(BookRow book) {
            arrived.add(book);
            refresh.run();
        }

        @Override
        public void onEnd(@Nullable String failure) {
            ending.set(failure == null ? "" : failure);
            refresh.run();
        }
    }

    /** The shelf to list. */
    public ObjectProperty<Category> categoryProperty() {
        return category;
    }

    /** The books listed so far, in book id order. */
    public ObservableList<BookRow> books() {
        return books;
    }

    public ReadOnlyBooleanProperty listingProperty() {
        return listing.getReadOnlyProperty();
    }

    /** How many books, and how the listing ended, in words. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
