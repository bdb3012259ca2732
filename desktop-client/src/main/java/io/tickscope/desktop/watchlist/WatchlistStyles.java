package io.tickscope.desktop.watchlist;

import javafx.css.PseudoClass;
import javafx.scene.paint.Color;

/** The watchlist's style classes and pseudo-classes; tickscope.css gives them their look. */
final class WatchlistStyles {

    static final String WATCHLIST = "watchlist";
    static final String SIDEBAR = "watchlist-sidebar";
    static final String TOOLBAR = "watchlist-toolbar";
    static final String NUMBER_CELL = "number-cell";
    static final String FLASH_CELL = "flash-cell";
    static final String ID_CELL = "id-cell";
    static final String SALE_BADGE = "sale-badge";
    static final String FEED_STATUS = "feed-status";
    static final String NOTICE = "watchlist-notice";
    static final String MATCH_ID = "match-id";
    static final String MOVE_CELL = "move-cell";
    static final String ALERT_MARK = "alert-mark";

    /** A value above zero, or a row whose price just rose. */
    static final PseudoClass UP = PseudoClass.getPseudoClass("up");
    /** A value below zero, or a row whose price just fell. */
    static final PseudoClass DOWN = PseudoClass.getPseudoClass("down");

    static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");

    /** Sparkline colours, the Primer palette's success and danger foregrounds: a canvas cannot use CSS. */
    static final Color RISING = Color.web("#1a7f37");

    static final Color FALLING = Color.web("#cf222e");
    static final Color FLAT = Color.web("#656d76");

    private WatchlistStyles() {}

    /** Returns the pseudo-class of a feed state, for example {@code :live}. */
    static PseudoClass of(FeedState state) {
        return PseudoClass.getPseudoClass(state.name().toLowerCase(java.util.Locale.ROOT));
    }
}
