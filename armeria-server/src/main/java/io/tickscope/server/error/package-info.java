/** Domain errors that the gRPC layer maps to statuses in one place. */
@NullMarked
package io.tickscope.server.error;

import org.jspecify.annotations.NullMarked;
