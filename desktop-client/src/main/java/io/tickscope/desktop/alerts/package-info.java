/**
 * Price alerts: {@link io.tickscope.desktop.alerts.AlertEvaluator} checks every tick of the watch on the thread
 * that delivers it, before the watchlist coalesces ticks to the FX pulse, so no crossing is lost between frames;
 * {@link io.tickscope.desktop.alerts.AlertsModel} holds the rules and the log; the view shows and edits them.
 */
@NullMarked
package io.tickscope.desktop.alerts;

import org.jspecify.annotations.NullMarked;
