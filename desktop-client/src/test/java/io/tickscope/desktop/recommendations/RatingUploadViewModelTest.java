package io.tickscope.desktop.recommendations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.ManagedChannel;
import io.tickscope.desktop.testing.SharedServer;
import io.tickscope.desktop.testing.TestUiThread;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class RatingUploadViewModelTest {

    @RegisterExtension
    static final SharedServer server = new SharedServer();

    @TempDir
    Path directory;

    private final ManagedChannel channel = server.openChannel();
    private final TestUiThread ui = new TestUiThread();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final RatingUploadViewModel model =
            new RatingUploadViewModel(SharedServer.recommendationClient(channel, scheduler), ui.uiThread());

    @AfterEach
    void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        scheduler.shutdownNow();
        ui.close();
    }

    @Test
    void anUploadEndsWithTheServersSummaryAndEveryProblem() throws IOException {
        Path csv = Files.writeString(
                directory.resolve("ratings.csv"),
                """
                user_id,book_id,rating
                U0901,B0001,5
                U0902,B0002,4

                U0903,B9999,3
                U0904,B0004,9
                U0905,B0005
                U0906,B0006,five
                U0907,B0007,1
                """);

        ui.run(() -> model.upload(csv));
        await().until(() -> !ui.read(() -> model.uploadingProperty().get()));

        assertThat(ui.read(() -> model.statusProperty().get()))
                .isEqualTo("Stored 3 ratings; the server rejected 2; 2 lines could not be read.");
        assertThat(ui.read(() -> model.progressProperty().get())).isEqualTo(1.0);
        List<String> problems = ui.read(() -> List.copyOf(model.problems()));
        assertThat(problems).hasSize(4);
        assertThat(problems.get(0)).isEqualTo("line 7: 2 columns (expected: 3, user_id,book_id,rating)");
        assertThat(problems.get(1)).isEqualTo("line 8: rating \"five\" (expected: a whole number of stars, 1 to 5)");
        assertThat(problems.get(2)).startsWith("rating 3, book B9999: ").contains("book_id");
        assertThat(problems.get(3)).startsWith("rating 4, book B0004: ").contains("rating: 9");
    }

    @Test
    void aLargeFileStreamsUnderFlowControlToTheEnd() throws IOException {
        StringBuilder lines = new StringBuilder();
        int ratings = 20_000;
        for (int i = 0; i < ratings; i++) {
            lines.append(String.format("U%04d,B%04d,%d%n", 801 + i % 100, 1 + i % 2_000, 1 + i % 5));
        }
        Path csv = Files.writeString(directory.resolve("many.csv"), lines);

        ui.run(() -> model.upload(csv));
        await().until(() -> !ui.read(() -> model.uploadingProperty().get()));

        assertThat(ui.read(() -> model.statusProperty().get()))
                .isEqualTo("Stored " + ratings + " ratings; the server rejected 0; 0 lines could not be read.");
        assertThat(ui.read(() -> model.problems().isEmpty())).isTrue();
    }

    @Test
    void aMissingFileFailsWithItsName() {
        Path missing = directory.resolve("missing.csv");

        ui.run(() -> model.upload(missing));
        await().until(() -> !ui.read(() -> model.uploadingProperty().get()));

        assertThat(ui.read(() -> model.statusProperty().get()))
                .isEqualTo("Upload failed: " + missing + ": cannot read (NoSuchFileException)");
    }
}
