package io.tickscope.desktop.recommendations;

import io.tickscope.desktop.model.ActionType;
import io.tickscope.desktop.model.BookRow;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.jspecify.annotations.Nullable;

/**
 * Keyboard shortcuts for acting on the selected book: V view, L like, 1 to 5 rate, C add to cart, D dismiss.
 */
final class ActionKeys {

    /** What the shortcuts say, for a hint next to the buttons. */
    static final String HINT = "Keys: V view, L like, 1-5 rate, C cart, D dismiss";

    private ActionKeys() {}

    /** Makes the shortcuts act on {@code selected} while {@code node} has the focus. */
    static void install(Node node, Supplier<@Nullable BookRow> selected, SessionViewModel model) {
        node.addEventHandler(KeyEvent.KEY_PRESSED, key -> {
            BookRow book = selected.get();
            if (book == null || key.isShortcutDown() || key.isAltDown()) {
                return;
            }
            KeyCode code = key.getCode();
            if (code == KeyCode.V) {
                model.act(book.bookId(), ActionType.VIEWED, 0);
            } else if (code == KeyCode.L) {
                model.act(book.bookId(), ActionType.LIKED, 0);
            } else if (code == KeyCode.C) {
                model.act(book.bookId(), ActionType.ADDED_TO_CART, 0);
            } else if (code == KeyCode.D) {
                model.act(book.bookId(), ActionType.DISMISSED, 0);
            } else if (stars(code) > 0) {
                model.act(book.bookId(), ActionType.RATED, stars(code));
            } else {
                return;
            }
            key.consume();
        });
    }

    /** Returns the stars a digit key gives, or 0 for any other key. */
    private static int stars(KeyCode code) {
        switch (code) {
            case DIGIT1, NUMPAD1:
                return 1;
            case DIGIT2, NUMPAD2:
                return 2;
            case DIGIT3, NUMPAD3:
                return 3;
            case DIGIT4, NUMPAD4:
                return 4;
            case DIGIT5, NUMPAD5:
                return 5;
            default:
                return 0;
        }
    }
}
