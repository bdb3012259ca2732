package io.tickscope.desktop.watchlist;

import javafx.beans.value.ChangeListener;
import javafx.scene.control.TableRow;
import org.jspecify.annotations.Nullable;

/**
 * A table row that wears its product's state as pseudo-classes: {@code :up} or {@code :down} while its price
 * flashes, {@code :stale} while the stream is down. Rows are reused as the table scrolls and sorts, so the
 * row moves its listeners to each new item.
 */
final class WatchlistTableRow extends TableRow<WatchlistRowModel> {

    private final ChangeListener<Flash> onFlash = (observable, before, after) -> showFlash(after);
    private final ChangeListener<Boolean> onStale = (observable, before, after) -> showStale(after);
    private @Nullable WatchlistRowModel observed;

    @Override
    protected void updateItem(@Nullable WatchlistRowModel item, boolean empty) {
        super.updateItem(item, empty);
        WatchlistRowModel shown = empty ? null : item;
        if (shown == observed) {
            return;
        }
        if (observed != null) {
            observed.flashProperty().removeListener(onFlash);
            observed.staleProperty().removeListener(onStale);
        }
        observed = shown;
        if (shown == null) {
            showFlash(Flash.NONE);
            showStale(false);
            return;
        }
        shown.flashProperty().addListener(onFlash);
        shown.staleProperty().addListener(onStale);
        showFlash(shown.flashProperty().get());
        showStale(shown.staleProperty().get());
    }

    private void showFlash(Flash flash) {
        pseudoClassStateChanged(WatchlistStyles.UP, flash == Flash.UP);
        pseudoClassStateChanged(WatchlistStyles.DOWN, flash == Flash.DOWN);
    }

    private void showStale(boolean stale) {
        pseudoClassStateChanged(WatchlistStyles.STALE, stale);
    }
}
