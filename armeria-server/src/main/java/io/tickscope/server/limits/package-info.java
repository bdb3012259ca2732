/**
 * The server's limits on connections, streams, messages, deadlines and call rates, and the one place that
 * applies them to Armeria and to the gRPC service.
 */
@NullMarked
package io.tickscope.server.limits;

import org.jspecify.annotations.NullMarked;
