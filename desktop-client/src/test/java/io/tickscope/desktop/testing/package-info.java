/** Test support: a real Tickscope server on loopback that can stop and come back on the same port. */
@NullMarked
package io.tickscope.desktop.testing;

import org.jspecify.annotations.NullMarked;
