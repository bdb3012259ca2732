/**
 * Test support: a real Tickscope server on loopback that can stop and come back on the same port, a UI thread to
 * drive view-models, and reads of the real application's scene.
 */
@NullMarked
package io.tickscope.desktop.testing;

import org.jspecify.annotations.NullMarked;
