/**
 * The watchlist: a live table of watched products fed by one price watch, with a chart of the selected
 * product. {@link io.tickscope.desktop.watchlist.WatchlistViewModel} holds the state and commands; the views
 * only show it.
 */
@NullMarked
package io.tickscope.desktop.watchlist;

import org.jspecify.annotations.NullMarked;
