/**
 * What the Explorer keeps between runs, as readable JSON files under the settings directory: named
 * environments, saved calls (a collection per environment) and the history of the last calls with their
 * responses. No gRPC, no JavaFX.
 */
@NullMarked
package io.tickscope.desktop.explorer.saved;

import org.jspecify.annotations.NullMarked;
