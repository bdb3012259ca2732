/**
 * Thin clients over the generated gRPC stubs, one per service: they take the application's one channel, turn
 * calls into futures and plain listeners, and map messages to the {@link io.tickscope.desktop.model} records.
 * Streams that outlive their calls come back through the resubscriber; the wire subpackage meters every call.
 * With connection, and the composition root in app that owns the channel, the only desktop packages that know
 * gRPC.
 */
@NullMarked
package io.tickscope.desktop.rpc;

import org.jspecify.annotations.NullMarked;
