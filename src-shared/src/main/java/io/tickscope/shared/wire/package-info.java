/**
 * Measures what crosses the wire, for any gRPC client or server: calls in flight, messages and bytes per call,
 * method and message type, latency percentiles per method, and each message type's protobuf size beside the
 * same message encoded as JSON. Recording is cheap and thread-safe; reading takes a {@link
 * io.tickscope.shared.wire.WireSnapshot}.
 */
@NullMarked
package io.tickscope.shared.wire;

import org.jspecify.annotations.NullMarked;
