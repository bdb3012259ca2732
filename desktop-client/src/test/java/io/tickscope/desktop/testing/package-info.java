/**
 * The desktop tests' fixtures: real Tickscope servers on loopback (one shared by the whole run, and one per
 * class that can stop and come back on the same port), a UI thread to drive view-models, a watch listener that
 * records, and reads of the real application's scene.
 */
@NullMarked
package io.tickscope.desktop.testing;

import org.jspecify.annotations.NullMarked;
