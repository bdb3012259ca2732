package io.tickscope.desktop.watchlist;

import io.tickscope.desktop.ui.MoneyFormat;
import io.tickscope.shared.money.Amount;
import java.util.Locale;
import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.util.Callback;
import org.jspecify.annotations.Nullable;

/** The watchlist's table cells: each formats one kind of value and nothing else. */
final class WatchlistCells {

    private WatchlistCells() {}

    /** A price, right-aligned, lit in the colour of its row's last move for a moment. */
    static Callback<TableColumn<WatchlistRowModel, @Nullable Amount>, TableCell<WatchlistRowModel, @Nullable Amount>>
            price(MoneyFormat money) {
        return column -> {
            NumberCell<@Nullable Amount> cell = new NumberCell<@Nullable Amount>(false, amount -> 0) {
                @Override
                String format(Amount amount) {
                    return money.format(amount);
                }
            };
            cell.getStyleClass().add(WatchlistStyles.FLASH_CELL);
            return cell;
        };
    }

    /** A signed amount of money, green above zero and red below. */
    static Callback<TableColumn<WatchlistRowModel, @Nullable Amount>, TableCell<WatchlistRowModel, @Nullable Amount>>
            signedAmount(MoneyFormat money) {
        return column -> new NumberCell<@Nullable Amount>(true, amount -> Long.signum(amount.minorUnits())) {
            @Override
            String format(Amount amount) {
                return money.formatSigned(amount);
            }
        };
    }

    /** A signed percentage, coloured by direction. */
    static Callback<TableColumn<WatchlistRowModel, @Nullable Double>, TableCell<WatchlistRowModel, @Nullable Double>>
            percent(MoneyFormat money) {
        return column -> new NumberCell<@Nullable Double>(true, percent -> (int) Math.signum(percent)) {
            @Override
            String format(Double percent) {
                return money.formatSignedPercent(percent);
            }
        };
    }

    /** A badge counting down to the end of a sale; empty when none runs. */
    static TableCell<WatchlistRowModel, Number> sale(TableColumn<WatchlistRowModel, Number> column) {
        Label badge = new Label();
        badge.getStyleClass().add(WatchlistStyles.SALE_BADGE);
        TableCell<WatchlistRowModel, Number> cell = new TableCell<>() {
            @Override
            protected void updateItem(@Nullable Number secondsLeft, boolean empty) {
                super.updateItem(secondsLeft, empty);
                if (empty || secondsLeft == null || secondsLeft.longValue() < 0) {
                    setGraphic(null);
                    return;
                }
                badge.setText("SALE " + countdown(secondsLeft.longValue()));
                setGraphic(badge);
            }
        };
        cell.setAlignment(Pos.CENTER);
        return cell;
    }

    /** An arrow for a price that just moved, ▲ up or ▼ down, coloured too; empty otherwise. */
    static TableCell<WatchlistRowModel, Flash> move(TableColumn<WatchlistRowModel, Flash> column) {
        TableCell<WatchlistRowModel, Flash> cell = new TableCell<>() {
            @Override
            protected void updateItem(@Nullable Flash flash, boolean empty) {
                super.updateItem(flash, empty);
                Flash shown = empty || flash == null ? Flash.NONE : flash;
                setText(shown.arrow());
                pseudoClassStateChanged(WatchlistStyles.UP, shown == Flash.UP);
                pseudoClassStateChanged(WatchlistStyles.DOWN, shown == Flash.DOWN);
            }
        };
        cell.getStyleClass().add(WatchlistStyles.MOVE_CELL);
        return cell;
    }

    /** A mark on a product that has price alerts. */
    static TableCell<WatchlistRowModel, Boolean> alertMark(TableColumn<WatchlistRowModel, Boolean> column) {
        TableCell<WatchlistRowModel, Boolean> cell = new TableCell<>() {
            @Override
            protected void updateItem(@Nullable Boolean alerted, boolean empty) {
                super.updateItem(alerted, empty);
                setText(!empty && Boolean.TRUE.equals(alerted) ? "◆" : null);
            }
        };
        cell.getStyleClass().add(WatchlistStyles.ALERT_MARK);
        return cell;
    }

    /** How long ago the price last changed: "now", "42 s", "5 min", "3 h". */
    static TableCell<WatchlistRowModel, Number> age(TableColumn<WatchlistRowModel, Number> column) {
        TableCell<WatchlistRowModel, Number> cell = new TableCell<>() {
            @Override
            protected void updateItem(@Nullable Number seconds, boolean empty) {
                super.updateItem(seconds, empty);
                setText(empty || seconds == null || seconds.longValue() < 0 ? null : age(seconds.longValue()));
            }
        };
        cell.getStyleClass().add(WatchlistStyles.NUMBER_CELL);
        return cell;
    }

    /** Time left, as precise as it matters: "4:05" within the hour, then "5h 12m", then "2d 3h". */
    static String countdown(long seconds) {
        long days = seconds / 86_400;
        long hours = seconds / 3_600 % 24;
        long minutes = seconds / 60 % 60;
        if (days > 0) {
            return days + "d " + hours + "h";
        }
        if (hours > 0) {
            return hours + "h " + minutes + "m";
        }
        return String.format(Locale.ROOT, "%d:%02d", minutes, seconds % 60);
    }

    static String age(long seconds) {
        if (seconds < 1) {
            return "now";
        }
        if (seconds < 60) {
            return seconds + " s";
        }
        return seconds < 3_600 ? seconds / 60 + " min" : seconds / 3_600 + " h";
    }

    /** A right-aligned number that, when {@code directional}, is green above zero and red below. */
    private abstract static class NumberCell<T> extends TableCell<WatchlistRowModel, T> {

        private final boolean directional;
        private final Function<T, Integer> signum;

        NumberCell(boolean directional, Function<T, Integer> signum) {
            this.directional = directional;
            this.signum = signum;
            getStyleClass().add(WatchlistStyles.NUMBER_CELL);
        }

        abstract String format(T value);

        @Override
        protected void updateItem(@Nullable T value, boolean empty) {
            super.updateItem(value, empty);
            int sign = empty || value == null || !directional ? 0 : signum.apply(value);
            pseudoClassStateChanged(WatchlistStyles.UP, sign > 0);
            pseudoClassStateChanged(WatchlistStyles.DOWN, sign < 0);
            setText(empty || value == null ? null : format(value));
        }
    }
}
