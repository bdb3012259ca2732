/**
 * The wire view: every call in flight on the channel, every method and every message type, refreshed a few
 * times a second from the application's {@link io.tickscope.desktop.rpc.wire.WireMeter}.
 */
@NullMarked
package io.tickscope.desktop.wire;

import org.jspecify.annotations.NullMarked;
