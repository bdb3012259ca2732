package io.tickscope.desktop.recommendations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.ManagedChannel;
import io.tickscope.desktop.model.ActionType;
import io.tickscope.desktop.model.Category;
import io.tickscope.desktop.model.RecommendedBook;
import io.tickscope.desktop.testing.SharedServer;
import io.tickscope.desktop.testing.TestUiThread;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SessionViewModelTest {

    @RegisterExtension
    static final SharedServer server = new SharedServer();

    private final ManagedChannel channel = server.openChannel();
    private final TestUiThread ui = new TestUiThread();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final SessionViewModel model = new SessionViewModel(
            SharedServer.recommendationClient(channel, scheduler), ui.uiThread(), scheduler, new Random(7));

    @AfterEach
    void close() throws InterruptedException {
        ui.run(model::close);
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        scheduler.shutdownNow();
        ui.close();
    }

    @Test
    void recommendationsChangeAfterAnAction() {
        ui.run(() -> {
            model.userIdProperty().set("U0011");
            model.categoryProperty().set(Category.MYSTERY);
            model.open();
        });
        List<RecommendedBook> first = awaitRecommendations();
        assertThat(first).hasSize(SessionViewModel.MAX_RESULTS);
        assertThat(first).allSatisfy(book -> assertThat(book.book().category()).isEqualTo(Category.MYSTERY));
        assertThat(first).extracting(RecommendedBook::rank).startsWith(1, 2, 3);
        String best = first.get(0).book().bookId();

        ui.run(() -> model.act(best, ActionType.DISMISSED, 0));

        await().until(() -> ui.read(() -> model.actionsAppliedProperty().get()) == 1);
        List<RecommendedBook> after = ui.read(() -> List.copyOf(model.recommendations()));
        assertThat(after).hasSize(SessionViewModel.MAX_RESULTS);
        assertThat(after).extracting(book -> book.book().bookId()).doesNotContain(best);
        assertThat(ui.read(() -> model.actionsSentProperty().get())).isEqualTo(1);
        assertThat(ui.read(() -> model.updatesReceivedProperty().get())).isEqualTo(2);
        assertThat(ui.read(() -> model.statusProperty().get())).contains("after 1 actions");
    }

    @Test
    void theTimelineCountsActionsAndUpdatesPerSecondWithTheTopScores() {
        ui.run(() -> {
            model.userIdProperty().set("U0012");
            model.open();
        });
        List<RecommendedBook> first = awaitRecommendations();
        ui.run(() -> model.act(first.get(0).book().bookId(), ActionType.ADDED_TO_CART, 0));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> ui.read(() -> model.timeline().stream()
                                .mapToInt(SessionSecond::actionsSent)
                                .sum())
                        == 1);

        List<SessionSecond> timeline = ui.read(() -> List.copyOf(model.timeline()));
        assertThat(timeline).extracting(SessionSecond::second).startsWith(1L);
        assertThat(timeline.stream().mapToInt(SessionSecond::updatesReceived).sum())
                .isBetween(1, 2);
        SessionSecond latest = timeline.get(timeline.size() - 1);
        assertThat(latest.topScores()).hasSize(3).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void theAutopilotActsAtItsRateAndTheServerAnswers() {
        ui.run(() -> {
            model.userIdProperty().set("U0013");
            model.open();
        });
        awaitRecommendations();

        ui.run(() -> model.autopilotRateProperty().set(40));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> ui.read(() -> model.actionsAppliedProperty().get()) >= 10);
        ui.run(() -> model.autopilotRateProperty().set(0));
        assertThat(ui.read(() -> model.actionsSentProperty().get())).isGreaterThanOrEqualTo(10);
        assertThat(ui.read(() -> model.updatesReceivedProperty().get())).isGreaterThan(1);
    }

    @Test
    void aSessionTheServerRefusesEndsWithTheStatusInWords() {
        ui.run(() -> {
            model.userIdProperty().set("not a user!");
            model.open();
        });

        await().until(() -> !ui.read(() -> model.openProperty().get()));

        assertThat(ui.read(() -> model.statusProperty().get()))
                .startsWith("Session ended: INVALID_ARGUMENT: ")
                .contains("start.user_id");
    }

    @Test
    void closingKeepsTheLastRecommendationsAndRefusesFurtherActions() {
        ui.run(() -> {
            model.userIdProperty().set("U0014");
            model.open();
        });
        List<RecommendedBook> shown = awaitRecommendations();

        ui.run(model::close);
        ui.run(() -> model.act(shown.get(0).book().bookId(), ActionType.LIKED, 0));

        assertThat(ui.read(() -> model.openProperty().get())).isFalse();
        assertThat(ui.read(() -> List.copyOf(model.recommendations()))).isEqualTo(shown);
        assertThat(ui.read(() -> model.statusProperty().get())).startsWith("Open a session first");
    }

    private List<RecommendedBook> awaitRecommendations() {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> ui.read(() -> !model.recommendations().isEmpty()));
        return ui.read(() -> List.copyOf(model.recommendations()));
    }
}
