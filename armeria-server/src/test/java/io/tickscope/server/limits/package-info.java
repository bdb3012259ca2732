/** Tests of the server's limits against a real server on loopback. */
@NullMarked
package io.tickscope.server.limits;

import org.jspecify.annotations.NullMarked;
