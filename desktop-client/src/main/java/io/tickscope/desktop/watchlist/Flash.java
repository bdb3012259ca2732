package io.tickscope.desktop.watchlist;

/** Which way a row's price just moved; the table flashes its price cells in that colour for a moment. */
public enum Flash {
    NONE,
    UP,
    DOWN;

    /** The move as a shape, so that it reads without colour: ▲, ▼ or nothing. */
    public String arrow() {
        return switch (this) {
            case UP -> "▲";
            case DOWN -> "▼";
            case NONE -> "";
        };
    }

    static Flash between(long before, long after) {
        if (after > before) {
            return UP;
        }
        return after < before ? DOWN : NONE;
    }
}
