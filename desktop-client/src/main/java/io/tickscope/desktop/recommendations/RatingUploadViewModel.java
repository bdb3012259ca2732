package io.tickscope.desktop.recommendations;

import static java.util.Objects.requireNonNull;

import io.tickscope.desktop.model.UploadSummary;
import io.tickscope.desktop.rpc.RecommendationClient;
import io.tickscope.desktop.rpc.RpcErrors;
import io.tickscope.desktop.ui.UiThread;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * Uploads ratings from a CSV file (see {@link RatingsCsv}) through the UploadBookRatings client stream, with
 * the progress while it sends and the server's summary at the end.
 *
 * <p>Call it on the UI thread; progress reaches it through the injected {@link UiThread}, coalesced.
 */
public final class RatingUploadViewModel {

    private final RecommendationClient client;
    private final UiThread ui;
    private final Runnable refresh;

    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyBooleanWrapper uploading = new ReadOnlyBooleanWrapper(this, "uploading");
    private final ReadOnlyStringWrapper status =
            new ReadOnlyStringWrapper(this, "status", "One rating per line: user_id,book_id,rating");
    private final ObservableList<String> problems = FXCollections.observableArrayList();

    // Touched on the UI thread.
    private @Nullable Upload current;

    public RatingUploadViewModel(RecommendationClient client, UiThread ui) {
        this.client = requireNonNull(client, "client");
        this.ui = requireNonNull(ui, "ui");
        this.refresh = ui.refresher(this::refreshUi);
    }

    /** Uploads the ratings in {@code csvFile}; does nothing while an upload runs. */
    public void upload(Path csvFile) {
        requireNonNull(csvFile, "csvFile");
        if (current != null) {
            return;
        }
        RatingsCsv ratings = new RatingsCsv(csvFile);
        Upload upload = new Upload(ratings);
        current = upload;
        uploading.set(true);
        progress.set(0);
        problems.clear();
        status.set("Uploading " + csvFile.getFileName() + "...");
        upload.summary = client.uploadRatings(ratings, sent -> {
            upload.sent.set(sent);
            upload.progress = ratings.progress();
            refresh.run();
        });
        upload.summary.whenComplete((summary, failure) -> {
            ratings.close();
            ui.execute(() -> finish(upload, summary, failure));
        });
    }

    /** Cancels the running upload; ratings the server already committed stay stored. */
    public void cancel() {
        Upload running = current;
        if (running != null && running.summary != null) {
            running.summary.cancel(false);
        }
    }

    private void refreshUi() {
        Upload running = current;
        if (running != null) {
            progress.set(running.progress);
            status.set("Sent " + running.sent.get() + " ratings...");
        }
    }

    private void finish(Upload upload, @Nullable UploadSummary summary, @Nullable Throwable failure) {
        if (upload != current) {
            return;
        }
        current = null;
        uploading.set(false);
        List<String> found = new ArrayList<>(upload.ratings.problems());
        if (summary != null) {
            progress.set(1);
            found.addAll(summary.rejections());
            status.set(String.format(
                    Locale.ROOT,
                    "Stored %d ratings; the server rejected %d; %d lines could not be read.",
                    summary.accepted(),
                    summary.rejected(),
                    upload.ratings.skippedLines()));
        } else if (upload.summary != null && upload.summary.isCancelled()) {
            status.set("Upload cancelled after " + upload.sent.get() + " ratings sent.");
        } else {
            status.set("Upload failed: " + RpcErrors.describe(requireNonNull(failure, "failure")));
        }
        problems.setAll(found);
    }

    /** One upload: the file it reads and how far it got. */
    private static final class Upload {

        final RatingsCsv ratings;
        final AtomicLong sent = new AtomicLong();
        volatile double progress;

        @Nullable
        CompletableFuture<UploadSummary> summary;

        Upload(RatingsCsv ratings) {
            this.ratings = ratings;
        }
    }

    /** How much of the file was sent, from 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty uploadingProperty() {
        return uploading.getReadOnlyProperty();
    }

    /** What the upload is doing, or its summary, in words. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Why lines were skipped and ratings rejected, after an upload. */
    public ObservableList<String> problems() {
        return problems;
    }
}
