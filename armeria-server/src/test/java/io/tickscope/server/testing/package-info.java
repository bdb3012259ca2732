/** Helpers the server's tests share. */
@NullMarked
package io.tickscope.server.testing;

import org.jspecify.annotations.NullMarked;
