/**
 * Replays a recording (see docs/recording.md) into a watchlist with no server: {@link
 * io.tickscope.desktop.replay.ReplayPlayer} delivers the recorded ticks at the recorded pace, 10 or 100 times
 * faster, paused or step by step; {@link io.tickscope.desktop.replay.ReplayWindow} shows them under a banner
 * that says it is a replay.
 */
@NullMarked
package io.tickscope.desktop.replay;

import org.jspecify.annotations.NullMarked;
