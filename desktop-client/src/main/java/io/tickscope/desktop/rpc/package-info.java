/**
 * Thin clients over the generated gRPC stubs: they take the application's one channel, turn calls into
 * futures and plain listeners, and map messages to records. The only desktop package that knows gRPC.
 */
@NullMarked
package io.tickscope.desktop.rpc;

import org.jspecify.annotations.NullMarked;
