/**
 * Measures what crosses the desktop's channel: calls in flight, messages and bytes per call, method and
 * message type, latency percentiles per method, and each message type's protobuf size beside the same message
 * encoded as JSON. {@link io.tickscope.desktop.rpc.wire.WireMeteringInterceptor} records every call of the
 * channel it is installed on; recording is cheap and thread-safe; reading takes a {@link
 * io.tickscope.desktop.rpc.wire.WireSnapshot}.
 */
@NullMarked
package io.tickscope.desktop.rpc.wire;

import org.jspecify.annotations.NullMarked;
