package io.tickscope.desktop.recommendations;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickscope.desktop.model.ActionType;
import io.tickscope.desktop.model.BookRow;
import io.tickscope.desktop.model.Category;
import io.tickscope.desktop.model.RecommendedBook;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AutopilotTest {

    private final Autopilot autopilot = new Autopilot(new Random(42));

    @Test
    void nothingShownMeansNothingToDo() {
        assertThat(autopilot.next(List.of())).isEmpty();
    }

    @Test
    void actsOnShownBooksMostlyByViewingAndRarelyByTakingThemAway() {
        List<RecommendedBook> shown = List.of(recommended(1, "B0001"), recommended(2, "B0002"));
        Map<ActionType, Integer> counts = new EnumMap<>(ActionType.class);

        for (int i = 0; i < 10_000; i++) {
            Autopilot.Action action = autopilot.next(shown).orElseThrow();
            assertThat(action.bookId()).isIn("B0001", "B0002");
            assertThat(action.stars()).isBetween(1, 5);
            counts.merge(action.type(), 1, Integer::sum);
        }

        assertThat(counts.get(ActionType.VIEWED)).isBetween(4_200, 4_800);
        assertThat(counts.get(ActionType.LIKED)).isBetween(2_200, 2_800);
        assertThat(counts.get(ActionType.RATED)).isBetween(1_700, 2_300);
        assertThat(counts.get(ActionType.ADDED_TO_CART)).isBetween(350, 650);
        assertThat(counts.get(ActionType.DISMISSED)).isBetween(350, 650);
    }

    private static RecommendedBook recommended(int rank, String bookId) {
        return new RecommendedBook(
                rank, new BookRow(bookId, "Title", "Author", Category.FICTION, 4.0, 10), 1.0 / rank, "because");
    }
}
