/**
 * The one seam to the JavaFX application thread: the UI executor view-models receive, the pulse that paces
 * stream updates, and the coalescer that keeps only the latest value per key between pulses.
 */
@NullMarked
package io.tickscope.desktop.ui;

import org.jspecify.annotations.NullMarked;
