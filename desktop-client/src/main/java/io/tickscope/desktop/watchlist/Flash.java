package io.tickscope.desktop.watchlist;

/** Which way a row's price just moved; the table flashes its price cells in that colour for a moment. */
public enum Flash {
    NONE,
    UP,
    DOWN;

    static Flash between(long before, long after) {
        if (after > before) {
            return UP;
        }
        return after < before ? DOWN : NONE;
    }
}
