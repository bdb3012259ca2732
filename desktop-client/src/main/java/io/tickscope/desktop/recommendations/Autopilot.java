package io.tickscope.desktop.recommendations;

import io.tickscope.desktop.model.ActionType;
import io.tickscope.desktop.model.RecommendedBook;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Plays a user: picks one of the books on screen and does what people mostly do with them. Viewing and liking
 * dominate; adding to the cart and dismissing, which take a book away, are rare, so that a session on
 * autopilot runs for minutes before it exhausts a category.
 */
final class Autopilot {

    /** Out of 100: view 45, like 25, rate 20, add to cart 5, dismiss 5. */
    private static final int[] CUMULATIVE_WEIGHTS = {45, 70, 90, 95, 100};

    private static final ActionType[] TYPES = {
        ActionType.VIEWED, ActionType.LIKED, ActionType.RATED, ActionType.ADDED_TO_CART, ActionType.DISMISSED
    };

    private final Random random;

    Autopilot(Random random) {
        this.random = random;
    }

    /** Returns the next action on one of {@code shown}, or empty when nothing is shown. */
    Optional<Action> next(List<RecommendedBook> shown) {
        if (shown.isEmpty()) {
            return Optional.empty();
        }
        RecommendedBook book = shown.get(random.nextInt(shown.size()));
        int draw = random.nextInt(100);
        int type = 0;
        while (draw >= CUMULATIVE_WEIGHTS[type]) {
            type++;
        }
        return Optional.of(new Action(book.book().bookId(), TYPES[type], 1 + random.nextInt(5)));
    }

    /** One action to send: stars count only for {@link ActionType#RATED}. */
    record Action(String bookId, ActionType type, int stars) {}
}
