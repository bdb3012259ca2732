package io.tickscope.desktop.recommendations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.ManagedChannel;
import io.tickscope.desktop.model.BookRow;
import io.tickscope.desktop.model.Category;
import io.tickscope.desktop.testing.SharedServer;
import io.tickscope.desktop.testing.TestUiThread;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BookBrowserViewModelTest {

    @RegisterExtension
    static final SharedServer server = new SharedServer();

    private final ManagedChannel channel = server.openChannel();
    private final TestUiThread ui = new TestUiThread();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final BookBrowserViewModel model =
            new BookBrowserViewModel(SharedServer.recommendationClient(channel, scheduler), ui.uiThread());

    @AfterEach
    void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        scheduler.shutdownNow();
        ui.close();
    }

    @Test
    void listsOneCategoryInBookIdOrder() {
        ui.run(() -> {
            model.categoryProperty().set(Category.SCIENCE);
            model.list();
        });

        await().until(() -> !ui.read(() -> model.listingProperty().get()));

        List<BookRow> books = ui.read(() -> List.copyOf(model.books()));
        assertThat(books).isNotEmpty().allSatisfy(book -> assertThat(book.category())
                .isEqualTo(Category.SCIENCE));
        assertThat(books).isSortedAccordingTo(Comparator.comparing(BookRow::bookId));
        assertThat(ui.read(() -> model.statusProperty().get())).isEqualTo(books.size() + " books.");
    }

    @Test
    void everyCategoryTogetherIsTheWholeCatalogue() {
        ui.run(model::list);

        await().until(() -> !ui.read(() -> model.listingProperty().get()));

        assertThat(ui.read(() -> model.books().size())).isEqualTo(2_000);
        assertThat(ui.read(() -> model.books().get(0).bookId())).isEqualTo("B0001");
    }

    @Test
    void listingAgainStartsAfresh() {
        ui.run(() -> {
            model.list();
            model.categoryProperty().set(Category.BIOGRAPHY);
            model.list();
        });

        await().until(() -> !ui.read(() -> model.listingProperty().get()));

        assertThat(ui.read(() -> List.copyOf(model.books())))
                .isNotEmpty()
                .allSatisfy(book -> assertThat(book.category()).isEqualTo(Category.BIOGRAPHY));
    }
}
