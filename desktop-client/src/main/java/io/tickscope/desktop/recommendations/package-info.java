/**
 * Recommendations: a live bidirectional session (actions up, recommendations down, an autopilot and a live
 * chart), the catalogue streamed by ListBooks, and rating uploads from a CSV file through the client stream.
 */
@NullMarked
package io.tickscope.desktop.recommendations;

import org.jspecify.annotations.NullMarked;
