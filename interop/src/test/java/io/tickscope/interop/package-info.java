/** The official gRPC interop suite against Tickscope's server configuration. */
@NullMarked
package io.tickscope.interop;

import org.jspecify.annotations.NullMarked;
